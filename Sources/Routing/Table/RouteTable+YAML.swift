extension RouteTable {
    /// Parses the text of a routes file (format: `docs/routes.md`).
    ///
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - file: the file's name as it should appear in errors (`Config/routes.yaml`).
    ///   - options: the known agencies and types to check against, and the limits.
    /// - Throws: the first problem found, with its reason code, line and column.
    public init(yaml: String, file: String = "routes.yaml", options: RoutesOptions = RoutesOptions()) throws(RoutesError) {
        self = try RoutesParser(file: file, options: options).parse(yaml)
    }
}
