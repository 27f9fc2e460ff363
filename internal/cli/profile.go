package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"example.org/cgcheck/internal/outfile"
)

// profiling is for developers measuring whole runs (bench/run.sh and
// BENCHMARKS.md): --cpuprofile FILE writes a CPU profile of the command and
// --memprofile FILE a heap profile taken at its end. The flags are hidden
// from --help because users never need them.
type profiling struct {
	cpuPath, memPath string
	cpuFile          *os.File
}

func (p *profiling) addFlags(cmd *cobra.Command) {
	fl := cmd.PersistentFlags()
	fl.StringVar(&p.cpuPath, "cpuprofile", "", "write a CPU profile (pprof) of the command to FILE")
	fl.StringVar(&p.memPath, "memprofile", "", "write a heap profile (pprof) taken at the end of the command to FILE")
	_ = fl.MarkHidden("cpuprofile")
	_ = fl.MarkHidden("memprofile")
}

// defaultMemProfileRate is Go's own sampling rate for heap profiles, which
// cmd/cgcheck turns off unless --memprofile is given.
const defaultMemProfileRate = 512 * 1024

// start begins CPU profiling when asked to, and samples allocations from
// here on for --memprofile.
func (p *profiling) start() error {
	for _, f := range []struct{ flag, path string }{{"--cpuprofile", p.cpuPath}, {"--memprofile", p.memPath}} {
		if f.path == "" {
			continue
		}
		if err := mayHoldProfile(f.path); err != nil {
			p.cpuPath, p.memPath = "", "" // stop, which always runs, writes nothing
			return setupError(fmt.Errorf("%s %s: %w", f.flag, f.path, err))
		}
	}
	if p.memPath != "" && runtime.MemProfileRate == 0 {
		runtime.MemProfileRate = defaultMemProfileRate
	}
	if p.cpuPath == "" {
		return nil
	}
	f, err := os.Create(p.cpuPath)
	if err != nil {
		return setupError(fmt.Errorf("--cpuprofile: %w", err))
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return setupError(fmt.Errorf("--cpuprofile: %w", err))
	}
	p.cpuFile = f
	return nil
}

// stop ends CPU profiling and writes the heap profile; it runs however the
// command ended, so a failing run can be profiled too.
func (p *profiling) stop() error {
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		if err := p.cpuFile.Close(); err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		p.cpuFile = nil
	}
	if p.memPath == "" {
		return nil
	}
	f, err := os.Create(p.memPath)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	defer f.Close()
	runtime.GC() // up-to-date allocation statistics
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return f.Close()
}

// mayHoldProfile refuses to let a profile replace a file that is not one:
// profiles are gzip data, and anything else that exists (a descriptor being
// checked, a report, a policy) is the user's. Devices such as /dev/null are
// written through, never replaced.
func mayHoldProfile(path string) error {
	t, err := outfile.Resolve(path)
	if err != nil {
		return err
	}
	if !t.Exists() || !t.Info.Mode().IsRegular() {
		if t.Exists() && t.Info.IsDir() {
			return errors.New("it is a folder; name a file")
		}
		return nil
	}
	if t.Info.Size() == 0 {
		return nil
	}
	f, err := os.Open(t.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 2)
	if _, err := io.ReadFull(f, head); err != nil || head[0] != 0x1f || head[1] != 0x8b {
		return errors.New("the file exists and is not a profile; cgcheck replaces only an earlier profile, so name a new file")
	}
	return nil
}
