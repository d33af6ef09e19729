import { GraphQLError } from "graphql";
import { hasPermission, PERMISSIONS, type Principal } from "../../auth/principal.js";
import { builder } from "../builder.js";
import { RegionRef } from "../refs.js";

const ViewerType = builder.objectRef<Principal>("Viewer").implement({
  description:
    "The caller: its region scope and permissions (a console shows what they allow; the server still checks each field).",
  fields: (t) => ({
    principalId: t.exposeString("id", {
      description: "Key or token subject: `key:<id>` or `jwt:<issuer>#<subject>`.",
    }),
    kind: t.exposeString("kind", { description: "api_key or jwt." }),
    regionCode: t.exposeString("regionCode", {
      description: "The region the caller sees, with everything under it.",
    }),
    permissions: t.stringList({
      description:
        "Permissions held (admin expands to all): ledger:read, personal:read, ledger:write, reports:submit, admin.",
      resolve: (p) => PERMISSIONS.filter((name) => hasPermission(p, name)),
    }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: "The scope's region, when it is in the ledger.",
      resolve: (p) => p.regionCode,
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: ViewerType,
    description: "Who is calling: region scope and permissions of the key or token sent.",
    resolve: (_root, _args, ctx) => {
      if (ctx.principal === null) {
        throw new GraphQLError("authentication required: send Authorization: Bearer <key>", {
          extensions: { code: "UNAUTHENTICATED" },
        });
      }
      return ctx.principal;
    },
  }),
);
