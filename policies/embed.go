// Package policies embeds cgcheck's Rego policies (one package per rule,
// with their tests) so the binary needs no files beside it.
package policies

import (
	"embed"
	"io/fs"
)

//go:embed cgcheck
var embedded embed.FS

// FS holds the policy tree: cgcheck/lib, cgcheck/waivers and
// cgcheck/rules/<theme>/<rule>/, each rule with its _test.rego.
var FS fs.FS = embedded
