import Catalogue
import GerbangKit

/// Reads a whole export: header, then every row mapped to its canonical event or its rejection.
///
/// `Sendable`: a value type of the region list and limits.
public struct ExportParser: Sendable {
    /// Limits on one export file. Every limit has a documented default.
    ///
    /// `Sendable`: a value type of integers and a byte.
    public struct Limits: Sendable, Hashable {
        /// The largest file read, in bytes. Default 64 MiB.
        public var maxFileBytes: Int
        /// The most data rows in one file. Default 100,000.
        public var maxRows: Int
        /// Limits per CSV record.
        public var csv: CSVReader.Limits

        /// Creates limits; every parameter defaults to the documented default.
        public init(maxFileBytes: Int = 64 << 20, maxRows: Int = 100_000, csv: CSVReader.Limits = CSVReader.Limits()) {
            self.maxFileBytes = maxFileBytes
            self.maxRows = maxRows
            self.csv = csv
        }
    }

    /// One data row's outcome.
    ///
    /// `Sendable`: a value type.
    public struct Row: Sendable, Hashable {
        /// The row's line in the file.
        public var line: Int
        /// The event, or why there is none.
        public var outcome: Result<RegistrationEvent, RowRejection>
    }

    /// The Kemendagri region list.
    public let regions: RegionDirectory
    /// The field delimiter (default `,`).
    public let delimiter: UInt8
    /// The limits.
    public let limits: Limits

    /// Creates a parser.
    public init(regions: RegionDirectory, delimiter: UInt8 = UInt8(ascii: ","), limits: Limits = Limits()) {
        self.regions = regions
        self.delimiter = delimiter
        self.limits = limits
    }

    /// Parses `bytes`. A file-level problem (too large, no usable header) is one rejection at
    /// line 1; otherwise each data row has an outcome, in file order. Rows beyond
    /// ``Limits/maxRows`` are rejected one by one with `file.too-many-rows`; a document number
    /// seen on an earlier row makes a later row `row.duplicate-document`.
    public func parse(_ bytes: [UInt8]) -> [Row] {
        guard bytes.count <= limits.maxFileBytes else {
            return [Row(line: 1, outcome: .failure(RowRejection(.fileTooLarge, "the file is larger than \(limits.maxFileBytes) bytes")))]
        }
        var reader = CSVReader(bytes: bytes, delimiter: delimiter, limits: limits.csv)
        let header: ExportHeader
        switch reader.next() {
        case nil:
            return [Row(line: 1, outcome: .failure(RowRejection(.missingColumn, "the file is empty")))]
        case .failure(let error)?:
            return [Row(line: error.line, outcome: .failure(RowRejection(code: error.reason.rawValue, message: error.message)))]
        case .success(let record)?:
            do throws(RowRejection) {
                header = try ExportHeader(record)
            } catch {
                return [Row(line: record.line, outcome: .failure(error))]
            }
        }
        var rows: [Row] = []
        var documents: [String: Int] = [:]
        var dataRows = 0
        while let next = reader.next() {
            dataRows += 1
            switch next {
            case .failure(let error):
                rows.append(Row(line: error.line, outcome: .failure(RowRejection(code: error.reason.rawValue, message: error.message))))
            case .success(let record):
                guard dataRows <= limits.maxRows else {
                    rows.append(Row(line: record.line, outcome: .failure(RowRejection(.tooManyRows, "the file has more than \(limits.maxRows) rows"))))
                    continue
                }
                do throws(RowRejection) {
                    let event = try RegistrationMapper.map(try ExportRow(record: record, header: header, regions: regions))
                    if let first = documents[event.id] {
                        throw RowRejection(.duplicateDocument, column: .documentNumber, "the document number is already on line \(first)")
                    }
                    documents[event.id] = record.line
                    rows.append(Row(line: record.line, outcome: .success(event)))
                } catch {
                    rows.append(Row(line: record.line, outcome: .failure(error)))
                }
            }
        }
        return rows
    }
}
