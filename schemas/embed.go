// Package schemas embeds the JSON Schema of the partnership descriptor, so the
// binary needs no files beside it.
package schemas

import _ "embed"

// PartnershipV1 is the JSON Schema (draft 2020-12) of descriptor format v1.
//
//go:embed partnership.v1.schema.json
var PartnershipV1 []byte

// PartnershipV1ID is the schema's stable $id; editors and the
// yaml-language-server comment of `cgcheck init` refer to it.
const PartnershipV1ID = "https://example.org/cgcheck/schemas/partnership.v1.schema.json"

// FormatVersion is the value of a v1 descriptor's `schema` field.
const FormatVersion = "cgcheck/partnership/v1"
