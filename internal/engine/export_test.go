package engine

// WithoutConstants returns a copy of e that works out the run's constant
// rules in every evaluation, as OPA does by itself, to compare against.
func (e *Evaluator) WithoutConstants() *Evaluator {
	c := *e
	c.constants = nil
	return &c
}

// ConstantRules lists the paths of the rules worked out once per run.
func (p *Policies) ConstantRules() []string {
	var out []string
	for _, r := range p.constantRules() {
		out = append(out, r.String())
	}
	return out
}
