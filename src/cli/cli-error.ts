/** A mistake in what the user typed or gave us: printed as one clear line, exit code 2. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliInputError";
  }
}
