import Audit

extension AuditSource {
    /// Every record's entry, in index order (read in pages of 10,000).
    func allEntries() throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var next = (try anchor()?.firstIndex) ?? 1
        while true {
            let page = try records(from: next, to: .max, limit: 10_000)
            for record in page { entries.append(try AuditEncoding.decode(record.encoding).entry) }
            guard let last = page.last else { return entries }
            next = last.index + 1
        }
    }
}
