import { GraphQLError } from "graphql";
import { builder } from "../graphql/builder.js";

function isFile(value: unknown): value is File {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as File).arrayBuffer === "function" &&
    typeof (value as File).name === "string"
  );
}

/** The `Upload` scalar: a file sent as a part of a GraphQL multipart request (input only). */
export const UploadScalar = builder.scalarType("Upload", {
  description:
    "A file sent by the GraphQL multipart request spec (POST multipart/form-data with `operations`, `map` and the file part). Input only.",
  serialize: () => {
    throw new GraphQLError("Upload is an input-only scalar");
  },
  parseValue: (value) => {
    if (!isFile(value)) {
      throw new GraphQLError(
        "expected a file part of a multipart request (GraphQL multipart request spec), not a value",
        { extensions: { code: "BAD_USER_INPUT" } },
      );
    }
    return value;
  },
});
