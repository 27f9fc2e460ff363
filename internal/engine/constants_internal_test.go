package engine

import (
	"context"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// An evaluation's cache answers a constant rule's path from the run's
// values (outside `with` only) and everything else from OPA's own cache.
func TestWithConstantsAnswersConstantsFromTheRun(t *testing.T) {
	p, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	store := inmem.NewFromObjectWithOpts(p.Data(Settings{Today: "2008-10-01"}), inmem.OptReturnASTValuesOnRead(true))
	run := p.constantCache(context.Background(), store, 10*time.Second)
	if run == nil {
		t.Fatal("no constants worked out for the built-in policies")
	}
	today := ast.MustParseRef("data.cgcheck.lib.today")
	other := ast.MustParseRef("data.cgcheck.lib.partner_ids")
	c := &withConstants{VirtualCache: topdown.NewVirtualCache(), run: run}
	c.VirtualCache.Put(other, ast.StringTerm("local"))
	if v, _ := c.Get(today); v == nil || !v.Equal(ast.StringTerm("2008-10-01")) {
		t.Errorf("Get(%v) = %v, want the run's value", today, v)
	}
	if v, _ := c.Get(other); v == nil || !v.Equal(ast.StringTerm("local")) {
		t.Errorf("Get(%v) = %v, want OPA's own cached value", other, v)
	}
	c.Push() // as `with` does
	if v, undefined := c.Get(today); v != nil || undefined {
		t.Errorf("under with, Get(%v) = %v, want nothing cached", today, v)
	}
	c.Pop()
	if v, _ := c.Get(today); v == nil {
		t.Errorf("after with, Get(%v) = nil, want the run's value", today)
	}
}
