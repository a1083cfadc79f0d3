// Errors a user can act on: the CLI prints `message` as one line on stderr
// and exits with code 2, never a stack trace.
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, " "));
  }
}
