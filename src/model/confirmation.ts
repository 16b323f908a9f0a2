/** A modal question as the wording modules build it and the prompter asks it: one confirm button. */
export interface Confirmation {
  message: string;
  detail?: string;
  /** The label of the button that confirms. */
  button: string;
}
