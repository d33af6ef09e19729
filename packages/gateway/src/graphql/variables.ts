import { GraphQLError, getOperationAST, getVariableValues, type VariableDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";

/** The variable an error of variable coercion is about (its definition is the error's first node). */
function variableOf(error: GraphQLError): string {
  const node = error.nodes?.[0] as VariableDefinitionNode | undefined;
  return node?.kind === "VariableDefinition" ? node.variable.name.value : "";
}

/**
 * Coerces the operation's variables with graphql-js before execution: a value of the wrong type is
 * BAD_USER_INPUT naming the variable (`field`), and the compiled execution, which names the wrong
 * variable and gives no code, never sees it.
 */
export function useVariableCheck(): Plugin<GatewayContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      // An operation that defines no variables ignores any given: there is nothing to coerce.
      if (!operation?.variableDefinitions?.length) return;
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions ?? [],
        (args.variableValues ?? {}) as Record<string, unknown>,
        { maxErrors: 10 },
      );
      if (!coerced.errors) return;
      setResultAndStopExecution({
        errors: coerced.errors.map(
          (e) =>
            new GraphQLError(e.message, {
              ...(e.nodes ? { nodes: e.nodes } : {}),
              extensions: { code: "BAD_USER_INPUT", field: variableOf(e) },
            }),
        ),
      });
    },
  };
}
