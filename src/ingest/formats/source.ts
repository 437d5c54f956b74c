/** What a format reader hands to cleaning: text with line breaks, plus what the container said. */
export interface SourceText {
  format: "txt" | "html" | "pdf" | "docx";
  text: string;
  /** A title the container carries (the HTML <title>/<h1>), when there is one. */
  title?: string;
  /** How paragraphs are separated, when the reader knows (PDF, Word: blank lines between paragraphs). */
  layout?: "blocks" | "lines";
}

/** A file that cannot be ingested; the message is shown to the user as is. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IngestError";
  }
}
