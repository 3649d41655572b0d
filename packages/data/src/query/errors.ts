/** A query argument that cannot be answered: names the argument and says what is wrong. */
export class QueryError extends Error {
  /** The argument at fault, e.g. `filter.from`, `filter.themes`, `first`, `after`. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.name = "QueryError";
    this.argument = argument;
  }
}
