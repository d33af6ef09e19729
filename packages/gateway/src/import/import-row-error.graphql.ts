import type { ImportRowError } from "@fupin/adapters";
import { builder } from "../graphql/builder.js";
import { optional } from "../graphql/fields.js";

/** GraphQL type of a bad cell or row of an imported file. */
export const ImportRowErrorType = builder.objectRef<ImportRowError>("ImportRowError").implement({
  description:
    "A bad cell or row of an imported workbook: where it is, its value, a fixed code and the message in Chinese and English. A file that cannot be read at all has one error with row 0.",
  fields: (t) => ({
    sheet: t.exposeString("sheet", { description: "Sheet name (empty for an error of the whole file)." }),
    row: t.exposeInt("row", { description: "Row number as the spreadsheet numbers it (0: the whole file)." }),
    column: t.exposeString("column", { description: "Column header (empty when the error is the row's)." }),
    ...optional(t, "address", "String", "Cell address such as G5, when known."),
    value: t.exposeString("value", { description: "The cell's text (or the value the error is about)." }),
    code: t.exposeString("code", {
      description: "Fixed error code, e.g. ID_NUMBER.CHECK_DIGIT, IMPORT.OUT_OF_SCOPE.",
    }),
    message: t.exposeString("message", { description: "What is wrong, in Chinese." }),
    messageEn: t.exposeString("messageEn", { description: "What is wrong, in English." }),
  }),
});
