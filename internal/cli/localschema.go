package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"example.org/cgcheck/schemas"
)

// LocalSchemaPath is where cgcheck keeps a copy of the descriptor schema
// beside descriptors, relative to their folder, for editors: the template's
// first line points there, so yaml-language-server validates and explains
// each field offline (the schema's $id names no page that serves it). The
// folder is hidden, so a walk for descriptors never takes the schema for one.
const LocalSchemaPath = ".cgcheck/partnership.schema.json"

// schemaWrite says what writeLocalSchema did.
type schemaWrite int

const (
	schemaWritten   schemaWrite = iota // there was none: written
	schemaCurrent                      // already there and the same
	schemaRefreshed                    // there but different: replaced (refresh only)
	schemaDiffers                      // there but different: left alone
)

// writeLocalSchema puts the embedded schema at dir/LocalSchemaPath. An
// existing copy is replaced only when refresh is set (cgcheck schema
// --write): init never changes a file it did not just make. The copy is
// written whole or not at all, through a temporary file in the same folder.
func writeLocalSchema(dir string, refresh bool) (schemaWrite, error) {
	path := filepath.Join(dir, filepath.FromSlash(LocalSchemaPath))
	old, err := os.ReadFile(path)
	switch {
	case err == nil && bytes.Equal(old, schemas.PartnershipV1):
		return schemaCurrent, nil
	case err == nil && !refresh:
		return schemaDiffers, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return 0, fmt.Errorf("cannot read %s: %v", path, reason(err))
	}
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		return 0, fmt.Errorf("%s is not a regular file; cgcheck leaves it alone", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, fmt.Errorf("cannot make %s: %v", filepath.Dir(path), reason(err))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".partnership.schema.*.json")
	if err != nil {
		return 0, fmt.Errorf("cannot write %s: %v", path, reason(err))
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removes a failed one
	if _, err := tmp.Write(schemas.PartnershipV1); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("cannot write %s: %v", path, reason(err))
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("cannot write %s: %v", path, reason(err))
	}
	if err := tmp.Close(); err != nil {
		return 0, fmt.Errorf("cannot write %s: %v", path, reason(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, fmt.Errorf("cannot write %s: %v", path, reason(err))
	}
	if old != nil {
		return schemaRefreshed, nil
	}
	return schemaWritten, nil
}
