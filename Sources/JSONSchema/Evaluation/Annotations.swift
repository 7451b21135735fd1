/// What successful keywords evaluated at one instance location, as far as
/// `unevaluatedProperties` and `unevaluatedItems` need to know.
///
/// Only collected when a schema at this location (or an in-place applicator leading to it) has
/// an `unevaluated*` keyword, so ordinary validation pays nothing for it. Properties are recorded
/// by their position among the object's members (all annotations of one location describe the
/// same object), so collecting them neither hashes nor allocates for objects of up to 64 members.
struct Annotations {
    /// Every property has been evaluated (`additionalProperties`, `unevaluatedProperties`).
    var allProperties = false
    /// Positions of the members evaluated by `properties` / `patternProperties`.
    var properties = PositionSet()
    /// Every item has been evaluated (`items`, `unevaluatedItems`).
    var allItems = false
    /// Items `0..<itemPrefix` have been evaluated (`prefixItems`).
    var itemPrefix = 0
    /// Items matched by `contains`.
    var items = PositionSet()

    /// Adds what a successful adjacent or in-place subschema evaluated.
    mutating func merge(_ other: Annotations) {
        allProperties = allProperties || other.allProperties
        if !allProperties { properties.formUnion(other.properties) }
        allItems = allItems || other.allItems
        itemPrefix = max(itemPrefix, other.itemPrefix)
        if !allItems { items.formUnion(other.items) }
    }

    /// Whether the member at `position` has been evaluated.
    func hasEvaluated(property position: Int) -> Bool {
        allProperties || properties.contains(position)
    }

    /// Whether the item at `index` has been evaluated.
    func hasEvaluated(item index: Int) -> Bool {
        allItems || index < itemPrefix || items.contains(index)
    }
}
