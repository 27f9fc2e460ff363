package cli

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v4"

	"example.org/cgcheck/internal/descriptor"
)

//go:embed template.yaml
var templateText string

var descriptorTemplate = template.Must(template.New("descriptor").Parse(templateText))

// DefaultInitFile is where `cgcheck init` writes when no FILE is given.
const DefaultInitFile = "partnership.yaml"

func newInitCmd(s Streams) *cobra.Command {
	var today string
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented YAML descriptor template (a .json FILE gets JSON; refuses to overwrite; - writes to standard output)",
		Example: `  cgcheck init                      # partnership.yaml, and the schema for editors beside it
  cgcheck init registry/new-adp.yaml
  cgcheck init - | less             # read the template without writing a file`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			file := DefaultInitFile
			if len(args) == 1 {
				file = args[0]
			}
			if today == "" {
				today = time.Now().Format(time.DateOnly)
			} else if _, err := time.Parse(time.DateOnly, today); err != nil {
				return usageError(fmt.Errorf("--today must be a date YYYY-MM-DD, not %q", today))
			}
			var b strings.Builder
			if err := descriptorTemplate.Execute(&b, map[string]string{
				"Schema": LocalSchemaPath, "Today": today, "File": file,
			}); err != nil {
				return err
			}
			if file == "-" {
				_, err := fmt.Fprint(s.Stdout, b.String())
				return err
			}
			text := b.String()
			format, _ := descriptor.FormatForPath(file)
			if format == descriptor.JSON {
				out, err := templateJSON([]byte(text))
				if err != nil {
					return fmt.Errorf("template as JSON: %w", err)
				}
				text = string(out)
			}
			path := file
			if !filepath.IsAbs(path) {
				path = filepath.Join(s.Dir, path)
			}
			// O_EXCL: never overwrite, even if the file appears between a
			// check and the write.
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				if errors.Is(err, fs.ErrExist) {
					return setupError(fmt.Errorf("%s already exists; cgcheck init never overwrites a file (choose another name, or remove it first)", file))
				}
				return setupError(fmt.Errorf("cannot write %s: %v", file, reason(err)))
			}
			if _, err := f.WriteString(text); err != nil {
				f.Close()
				return fmt.Errorf("write %s: %w", file, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("write %s: %w", file, err)
			}
			fmt.Fprintf(s.Stderr, "cgcheck: wrote %s; fill in each REPLACE: and tbc- value, then run: cgcheck check %s\n", file, file)
			if format != descriptor.JSON {
				// The template's first line points editors at the schema
				// beside it.
				schemaNote(s, filepath.Dir(path), filepath.Join(filepath.Dir(file), filepath.FromSlash(LocalSchemaPath)))
			}
			if format == descriptor.JSON {
				fmt.Fprintf(s.Stderr, "cgcheck: JSON holds no comments: `cgcheck init -` shows the YAML template, which explains each field and lists the optional ones\n")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&today, "today", "", "date used for the template's dates, YYYY-MM-DD (default the current date)")
	return cmd
}

// schemaNote puts the schema where the template's first line points
// (dir/LocalSchemaPath, shown as shown) and says what it did. It never
// fails init, which has written the descriptor: an editor without the
// schema only validates less.
func schemaNote(s Streams, dir, shown string) {
	did, err := writeLocalSchema(dir, false)
	switch {
	case err != nil:
		fmt.Fprintf(s.Stderr, "cgcheck: the descriptor is written, but the schema for editors is not: %v (run cgcheck schema --write in its folder)\n", err)
	case did == schemaWritten:
		fmt.Fprintf(s.Stderr, "cgcheck: wrote %s, which editors with YAML support (yaml-language-server) use to check each field as you type\n", shown)
	case did == schemaDiffers:
		fmt.Fprintf(s.Stderr, "cgcheck: %s is from another version of cgcheck and was left alone; run cgcheck schema --write to refresh it\n", shown)
	}
}

// templateJSON turns the rendered YAML template into indented JSON with the
// fields in the template's order; its comments, and so its optional fields,
// are lost.
func templateJSON(src []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Load(src, &doc); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := writeJSON(&b, &doc); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// writeJSON writes a YAML node as compact JSON, keeping the order of
// mapping keys. Dates stay the text written, as the descriptor reader keeps
// them.
func writeJSON(b *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) != 1 {
			return errors.New("not one YAML document")
		}
		return writeJSON(b, n.Content[0])
	case yaml.AliasNode:
		return writeJSON(b, n.Alias)
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || k.ShortTag() == "!!merge" {
				return fmt.Errorf("line %d: a key must be a plain name", k.Line)
			}
			if err := writeValue(b, k.Value); err != nil {
				return err
			}
			b.WriteByte(':')
			if err := writeJSON(b, n.Content[i+1]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, c); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case yaml.ScalarNode:
		var v any = n.Value // !!str, and !!timestamp kept as written
		switch n.ShortTag() {
		case "!!null":
			v = nil
		case "!!bool":
			bv, err := strconv.ParseBool(strings.ToLower(n.Value))
			if err != nil {
				return fmt.Errorf("line %d: %w", n.Line, err)
			}
			v = bv
		case "!!int", "!!float":
			if err := n.Decode(&v); err != nil {
				return fmt.Errorf("line %d: %w", n.Line, err)
			}
		}
		if err := writeValue(b, v); err != nil {
			return fmt.Errorf("line %d: %w", n.Line, err)
		}
		return nil
	}
	return fmt.Errorf("line %d: unsupported YAML node", n.Line)
}

// writeValue writes one JSON value, leaving <, > and & as they are.
func writeValue(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode ends with a newline
	return nil
}

func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
