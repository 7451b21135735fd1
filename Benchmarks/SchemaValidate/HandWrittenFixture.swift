/// A hand-written stand-in for the catalogue's `population.death.registered` schema and example,
/// shaped like the real one (envelope, Person with NIK pattern and format, address with region
/// codes, dates, nested `$ref`s into shared definitions). Used when the catalogue is absent.
enum HandWrittenFixture {
    static let definitionsURI = "https://gerbang.go.id/schemas/definitions.schema.json"

    static let definitions = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://gerbang.go.id/schemas/definitions.schema.json",
          "$defs": {
            "nik": {"type": "string", "pattern": "^[0-9]{16}$", "format": "nik"},
            "kk": {"type": "string", "pattern": "^[0-9]{16}$"},
            "date": {"type": "string", "format": "date"},
            "kodeWilayah": {"type": "string", "pattern": "^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$"},
            "agency": {"type": "string", "pattern": "^[a-z][a-z0-9-]{1,31}(\\.[a-z][a-z0-9-]{1,31})*$"},
            "person": {
              "type": "object",
              "required": ["nik", "kk", "name", "birthDate", "sex"],
              "properties": {
                "nik": {"$ref": "#/$defs/nik"},
                "kk": {"$ref": "#/$defs/kk"},
                "name": {"type": "string", "minLength": 1, "maxLength": 200},
                "birthDate": {"$ref": "#/$defs/date"},
                "birthPlace": {"type": "string", "maxLength": 100},
                "sex": {"enum": ["L", "P"]}
              },
              "additionalProperties": false
            },
            "address": {
              "type": "object",
              "required": ["street", "villageCode"],
              "properties": {
                "street": {"type": "string", "minLength": 1, "maxLength": 200},
                "rt": {"type": "string", "pattern": "^[0-9]{3}$"},
                "rw": {"type": "string", "pattern": "^[0-9]{3}$"},
                "villageCode": {"$ref": "#/$defs/kodeWilayah", "format": "kode-wilayah"},
                "postalCode": {"type": "string", "pattern": "^[0-9]{5}$"}
              },
              "additionalProperties": false
            }
          }
        }
        """#

    static let schema = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://gerbang.go.id/schemas/population.death.registered/1.0.0.schema.json",
          "title": "population.death.registered",
          "type": "object",
          "required": ["specversion", "id", "source", "type", "time", "data"],
          "properties": {
            "specversion": {"const": "1.0"},
            "id": {"type": "string", "format": "uuid"},
            "source": {"type": "string", "minLength": 1},
            "type": {"const": "population.death.registered"},
            "time": {"type": "string", "format": "date-time"},
            "datacontenttype": {"const": "application/json"},
            "dataschema": {"type": "string", "format": "uri"},
            "data": {
              "type": "object",
              "required": ["deceased", "dateOfDeath", "placeOfDeath", "registeredBy", "certificateNumber"],
              "properties": {
                "deceased": {"$ref": "../definitions.schema.json#/$defs/person"},
                "dateOfDeath": {"$ref": "../definitions.schema.json#/$defs/date"},
                "placeOfDeath": {"$ref": "../definitions.schema.json#/$defs/address"},
                "causeCategory": {"enum": ["natural", "accident", "disease", "unknown"]},
                "reporter": {
                  "type": "object",
                  "required": ["nik", "relationship"],
                  "properties": {
                    "nik": {"$ref": "../definitions.schema.json#/$defs/nik"},
                    "relationship": {"enum": ["spouse", "child", "parent", "sibling", "other"]}
                  },
                  "additionalProperties": false
                },
                "registeredBy": {"$ref": "../definitions.schema.json#/$defs/agency"},
                "certificateNumber": {"type": "string", "pattern": "^[0-9]{4}-KM-[0-9]{8}-[0-9]{4}$"}
              },
              "additionalProperties": false
            }
          }
        }
        """#

    static let example = #"""
        {
          "specversion": "1.0",
          "id": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
          "source": "/dukcapil/kab-bandung",
          "type": "population.death.registered",
          "time": "2025-03-14T09:21:07+07:00",
          "datacontenttype": "application/json",
          "dataschema": "https://gerbang.go.id/schemas/population.death.registered/1.0.0.schema.json",
          "data": {
            "deceased": {
              "nik": "3204154107520003",
              "kk": "3204150101090012",
              "name": "Siti Aminah",
              "birthDate": "1952-07-01",
              "birthPlace": "Bandung",
              "sex": "P"
            },
            "dateOfDeath": "2025-03-12",
            "placeOfDeath": {
              "street": "Jl. Raya Banjaran No. 12",
              "rt": "003",
              "rw": "007",
              "villageCode": "32.04.15.2001",
              "postalCode": "40377"
            },
            "causeCategory": "natural",
            "reporter": {"nik": "3204151203780001", "relationship": "child"},
            "registeredBy": "dukcapil.kab-bandung",
            "certificateNumber": "3204-KM-14032025-0042"
          }
        }
        """#
}
