import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTVisitor,
  type GraphQLCompositeType,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/** How many items a list is priced at, when the query itself does not say. */
export interface ListPrices {
  /** A connection page without `first` or `last`. */
  defaultPage: number;
  /** The largest page; also the price of a page whose size is a variable. */
  maxPage: number;
  /** A plain list of objects (a cluster's members, a ranking's entries, …). */
  plainList: number;
}

/** The page a connection field asks for: a literal is its own size, a variable the largest. */
function pageSize(value: ValueNode | undefined, prices: ListPrices): number {
  if (value === undefined) return prices.defaultPage;
  if (value.kind === Kind.INT) return Math.min(Math.max(Number(value.value), 0), prices.maxPage);
  return prices.maxPage;
}

/**
 * The cost of a selection: every field costs 1 for each item it is resolved for, so the fields
 * under a list are multiplied by the items the list is priced at. A connection's `edges` are as
 * many as the page it asks for; introspection fields are free (the depth limit bounds them).
 */
function selectionCost(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  prices: ListPrices,
  page: number,
  fragmentsOnPath: ReadonlySet<string>,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition?.name.value;
      const type = condition === undefined ? parentType : context.getSchema().getType(condition);
      if (isCompositeType(type)) {
        cost += selectionCost(context, selection.selectionSet, type, prices, page, fragmentsOnPath);
      }
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // A cycle of fragments is refused by graphql's own rules; it must not loop here.
      if (fragment == null || fragmentsOnPath.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value);
      if (isCompositeType(type)) {
        cost += selectionCost(
          context,
          fragment.selectionSet,
          type,
          prices,
          page,
          new Set([...fragmentsOnPath, name]),
        );
      }
      continue;
    }
    const name = selection.name.value;
    if (name.startsWith('__')) continue;
    const field =
      isObjectType(parentType) || isInterfaceType(parentType)
        ? parentType.getFields()[name]
        : undefined;
    cost += 1;
    if (field === undefined || selection.selectionSet === undefined) continue;
    const childType = getNamedType(field.type);
    if (!isCompositeType(childType)) continue;
    const argument = (argName: string) =>
      selection.arguments?.find((a) => a.name.value === argName)?.value;
    const isPaged = field.args.some((a) => a.name === 'first' || a.name === 'last');
    const childPage = isPaged
      ? pageSize(argument('first') ?? argument('last'), prices)
      : prices.defaultPage;
    const items = isListType(getNullableType(field.type))
      ? name === 'edges'
        ? page
        : prices.plainList
      : 1;
    cost +=
      items *
      selectionCost(context, selection.selectionSet, childType, prices, childPage, fragmentsOnPath);
  }
  return cost;
}

export interface CostLimit extends ListPrices {
  maxCost: number;
}

/**
 * A validation rule that refuses an operation whose cost (see `selectionCost`) exceeds
 * `maxCost`, with the code COST_LIMIT_EXCEEDED.
 */
export const costLimitRule =
  (limit: CostLimit) =>
  (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const rootType = context.getSchema().getRootType(operation.operation);
      if (rootType === undefined || rootType === null) return;
      const cost = selectionCost(
        context,
        operation.selectionSet,
        rootType,
        limit,
        limit.defaultPage,
        new Set(),
      );
      if (cost > limit.maxCost) {
        const figures = `${String(cost)} > ${String(limit.maxCost)}`;
        context.reportError(
          new GraphQLError(
            `the query costs too much (${figures}): ask for smaller pages or fewer fields ` +
              `(Truy vấn quá tốn kém (${figures}): hãy lấy trang nhỏ hơn hoặc ít trường hơn)`,
            { nodes: operation, extensions: { code: 'COST_LIMIT_EXCEEDED' } },
          ),
        );
      }
    },
  });
