/// The index of a ``SchemaNode`` in its ``SchemaProgram``. Nodes refer to each other by index, so
/// that recursive schemas (`$ref: "#"`) form no reference cycles.
typealias NodeID = Int32
