/** A problem with the corpus or its data files, found at load: names the file, the field and the value. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly value: unknown,
    problem: string,
  ) {
    super(`${file}: ${field} = ${JSON.stringify(value)}: ${problem}`);
    this.name = "CorpusError";
  }
}
