package serve

// pageSource is the page a person opens. It works from this server alone
// (no outside requests; its Content-Security-Policy says so), by keyboard,
// and at a phone's width. The script (assets/app.js) grows the form's
// lists, sends the descriptor to /ui/check and shows the answer.
const pageSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Check a partnership – cgcheck</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/report.css">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#check-area">Skip to the Check button</a>
<header>
<h1>Check a partnership</h1>
<p class="lede">Check a partnership's description against the findings of the Collaborative Gain Research Study (Improvement Service, 2008): one named lead, a tight core group, representatives who can commit their organisations, monitoring built in from the start, enough shared resources, evidence, a focus on the people served, and an end when the purpose is achieved. Nothing you enter is kept: it is checked and forgotten.</p>
</header>
<main>
<noscript><p class="warning">This page needs JavaScript to check a partnership. Without it, a colleague can check the file with the cgcheck program (cgcheck check FILE), or send it to this server's API (POST /v1/check).</p></noscript>
<form id="choose" class="choose" aria-labelledby="choose-title">
<h2 id="choose-title">How will you describe the partnership?</h2>
<p><label><input type="radio" name="mode" value="form" checked> Fill in a form</label></p>
<p><label><input type="radio" name="mode" value="paste"> Paste or upload a descriptor file (YAML or JSON)</label></p>
</form>
<section id="form-panel" class="panel" aria-labelledby="form-title">
<h2 id="form-title">The partnership, field by field</h2>
<p class="help">Fill in what you know; leave the rest empty. The check says what is missing and why it matters. Fields marked (required) are needed before the other checks can run.</p>
<form id="descriptor-form" data-kind="object" novalidate>
{{.Form}}
</form>
</section>
<section id="paste-panel" class="panel" aria-labelledby="paste-title" hidden>
<h2 id="paste-title">Paste or upload a descriptor</h2>
<div class="field">
<label for="upload">Choose a file (.yaml, .yml or .json)</label>
<input id="upload" type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml">
</div>
<div class="field">
<label for="paste">Or paste it here</label>
<p class="help" id="paste-help">A descriptor as YAML or JSON, starting with <code>schema: cgcheck/partnership/v1</code>. At most {{.MaxBytes}} bytes.</p>
<textarea id="paste" rows="18" spellcheck="false" aria-describedby="paste-help"></textarea>
</div>
</section>
<section id="check-area" class="actions" aria-label="Check">
<div class="field">
<label for="today">Check as of</label>
{{- if .Today}}
<input id="today" type="date" value="{{.Today}}" disabled aria-describedby="today-help">
<p class="help" id="today-help">This server checks everything as of {{.Today}}.</p>
{{- else}}
<input id="today" type="date" aria-describedby="today-help">
<p class="help" id="today-help">Dates such as expiry and review are judged as of this day. Leave it empty for today.</p>
{{- end}}
</div>
<p><button id="check" type="button" class="primary">Check the partnership</button></p>
<p id="busy" class="busy" role="status" aria-live="polite"></p>
</section>
<section id="result" class="result" aria-live="polite" aria-labelledby="result-title" tabindex="-1" hidden>
<h2 id="result-title">What the check found</h2>
<p id="result-summary" class="summary"></p>
<div id="result-report"></div>
<h3>Keep a copy</h3>
<ul class="downloads">
<li><button type="button" id="download-yaml">Download the descriptor (YAML)</button></li>
<li><button type="button" id="download-report">Download the report (HTML)</button></li>
<li><button type="button" id="download-paper">Download a board paper (HTML)</button></li>
</ul>
</section>
</main>
<footer class="page">
<p>cgcheck {{.Version}} · findings follow the Collaborative Gain Research Study (Improvement Service, 2008).</p>
</footer>
</body>
</html>
`
