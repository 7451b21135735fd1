/// What successful keywords evaluated at one instance location, as far as
/// `unevaluatedProperties` and `unevaluatedItems` need to know.
///
/// Only collected when a schema at this location (or an in-place applicator leading to it) has
/// an `unevaluated*` keyword, so ordinary validation pays nothing for it.
struct Annotations {
    /// Every property has been evaluated (`additionalProperties`, `unevaluatedProperties`).
    var allProperties = false
    /// Properties evaluated by `properties` / `patternProperties`.
    var properties: Set<String> = []
    /// Every item has been evaluated (`items`, `unevaluatedItems`).
    var allItems = false
    /// Items `0..<itemPrefix` have been evaluated (`prefixItems`).
    var itemPrefix = 0
    /// Items matched by `contains`.
    var items: Set<Int> = []

    /// Adds what a successful adjacent or in-place subschema evaluated.
    mutating func merge(_ other: Annotations) {
        allProperties = allProperties || other.allProperties
        if !allProperties && !other.properties.isEmpty { properties.formUnion(other.properties) }
        allItems = allItems || other.allItems
        itemPrefix = max(itemPrefix, other.itemPrefix)
        if !allItems && !other.items.isEmpty { items.formUnion(other.items) }
    }

    /// Whether the property `name` has been evaluated.
    func hasEvaluated(property name: String) -> Bool {
        allProperties || properties.contains(name)
    }

    /// Whether the item at `index` has been evaluated.
    func hasEvaluated(item index: Int) -> Bool {
        allItems || index < itemPrefix || items.contains(index)
    }
}
