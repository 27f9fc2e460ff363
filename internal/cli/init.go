package cli

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/spf13/cobra"

	"example.org/cgcheck/schemas"
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
		Short: "Write a commented YAML descriptor template (refuses to overwrite; - writes to standard output)",
		Args:  cobra.MaximumNArgs(1),
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
				"SchemaID": schemas.PartnershipV1ID, "Today": today, "File": file,
			}); err != nil {
				return err
			}
			if file == "-" {
				_, err := fmt.Fprint(s.Stdout, b.String())
				return err
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
					return usageError(fmt.Errorf("%s already exists; cgcheck init never overwrites a file (choose another name, or remove it first)", file))
				}
				return usageError(fmt.Errorf("cannot write %s: %v", file, reason(err)))
			}
			if _, err := f.WriteString(b.String()); err != nil {
				f.Close()
				return fmt.Errorf("write %s: %w", file, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("write %s: %w", file, err)
			}
			fmt.Fprintf(s.Stderr, "cgcheck: wrote %s; fill in each REPLACE, then run: cgcheck check %s\n", file, file)
			return nil
		},
	}
	cmd.Flags().StringVar(&today, "today", "", "date used for the template's dates, YYYY-MM-DD (default the current date)")
	return cmd
}

func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
