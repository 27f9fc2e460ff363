package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"runtime"
	"syscall"

	"github.com/spf13/cobra"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/config"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/serve"
)

func newServeCmd(s Streams, g *globals) *cobra.Command {
	var params []string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve a web page where anyone can check a partnership, and an HTTP API for portals",
		Example: `  cgcheck serve                          # then open http://127.0.0.1:8080 in a browser
  cgcheck serve --addr 127.0.0.1:9000 --today 2008-10-01
  curl -s --data-binary @proposal.yaml -H 'Content-Type: application/yaml' \
    'http://127.0.0.1:8080/v1/check?format=json'`,
		Long: `Serve a web page where a person pastes, uploads or fills in a partnership
descriptor in a form, checks it and sees what the check found, and can download
the descriptor as YAML, the report and a board paper. The same server answers
an HTTP API:

  POST /v1/check   one descriptor (application/json or application/yaml);
                   ?format= any report format of check (default json),
                   ?today=YYYY-MM-DD; the report check -o FORMAT would give
  POST /v1/paper   the board paper of one descriptor (as cgcheck paper)
  GET  /v1/rules   the rule catalogue;  GET /v1/frameworks  the frameworks
  GET  /healthz    200 when the server is up

The checks are those of 'cgcheck check', with the same policies, parameters,
configuration file and limits. Nothing sent is kept or logged: each request's
log line (on standard error) holds no content. It listens on this machine
alone unless --addr says otherwise; it has no sign-in, so put it behind one
before opening it wider. Ctrl-C or SIGTERM lets requests under way finish and
stops.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd, s, g, params)
		},
	}
	fl := cmd.Flags()
	fl.String("addr", "127.0.0.1:8080", "address to listen on, host:port (127.0.0.1: this machine alone; :0 picks a free port)")
	fl.String("today", "", "check everything as of this date, YYYY-MM-DD (default: each request's ?today=, or the current date)")
	fl.StringArrayVar(&params, "param", nil, "set a rule parameter, rule.name=value (repeatable)")
	fl.Int("max-checks", runtime.NumCPU(), "descriptors checked at once; a request beyond waits up to 2 s for a place, then is answered 503 with Retry-After")
	addLimitFlags(fl) // a request over --max-file-bytes is answered 413
	return cmd
}

func runServe(cmd *cobra.Command, s Streams, g *globals, params []string) error {
	st, err := loadSetup(cmd, s, g, params)
	if err != nil {
		return err
	}
	// Stateless: nothing a request sends is kept, not even in the cache.
	st.cfg.NoCache = true
	addr, _ := cmd.Flags().GetString("addr")
	maxChecks, _ := cmd.Flags().GetInt("max-checks")
	if maxChecks < 1 || maxChecks > config.MaxJobs {
		return usageError(fmt.Errorf("--max-checks must be 1 to %d, not %d", config.MaxJobs, maxChecks))
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return usageError(fmt.Errorf("--addr %q is not host:port (e.g. 127.0.0.1:8080): %v", addr, err))
	}
	var today string
	if st.cfg.TodayGiven() {
		today = st.cfg.Today
	}
	ctx := cmd.Context()
	srv, err := serve.New(serve.Options{
		Prepare: func(c context.Context, day string) (*check.Checker, error) {
			return st.checkerAsOf(c, s, day)
		},
		Today: today,
		Header: report.Run{
			ToolName: "cgcheck", ToolVersion: Version, Config: st.reportConfig(),
			HomeURL: HomeURL, RulesURL: RulesURL,
		},
		Rules:      st.policies.Catalogue().Rules(),
		Frameworks: st.frameworks,
		MaxBytes:   int64(st.cfg.MaxFileBytes),
		Limits: descriptor.Limits{
			MaxBytes: st.cfg.MaxFileBytes, MaxDepth: st.cfg.MaxDepth, MaxItems: st.cfg.MaxItems, MaxString: st.cfg.MaxStringBytes,
		},
		MaxChecks:   maxChecks,
		EvalTimeout: st.cfg.EvalTimeout,
		Log:         s.Stderr,
	})
	if err != nil {
		return err
	}
	err = srv.ListenAndServe(ctx, addr, func(a net.Addr) {
		fmt.Fprintf(s.Stderr, "cgcheck serve: open http://%s in a browser; Ctrl-C stops\n", a)
		if !serve.IsLoopback(a.String()) {
			fmt.Fprintf(s.Stderr, "cgcheck serve: listening on %s, beyond this machine: anyone who can reach it can use it (there is no sign-in)\n", a)
		}
	})
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return usageError(fmt.Errorf("--addr %s is in use by another program: choose another port, e.g. --addr 127.0.0.1:8081", addr))
		}
		return setupError(fmt.Errorf("serve: %w", err))
	}
	fmt.Fprintln(s.Stderr, "cgcheck serve: stopped")
	return nil
}
