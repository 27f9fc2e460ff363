package synth

// Reference data for realistic descriptors: Scotland's 32 council areas with
// the public bodies that served them in 2005-2010 (NHS boards, the eight
// police forces and fire and rescue services, colleges), typical partnership
// themes of the Collaborative Gain Research Study's era, and names. Public
// bodies are real; people, smaller organisations and figures are
// illustrative. Templates use {placeholders} filled in per descriptor.

// area is one council area (Community Planning Partnership area).
type area struct {
	name    string // as written in descriptors' area field
	code    string // short form used in descriptor ids
	council string
	board   string // NHS board, without "NHS "
	police  string
	fire    string
	college string
	cpp     string // the community planning partnership's name
	towns   []string
	hie     bool // served by Highlands and Islands Enterprise
}

var areas = []area{
	{"Aberdeen City", "aberdeen", "Aberdeen City Council", "Grampian", "Grampian Police", "Grampian Fire and Rescue Service", "Aberdeen College", "Community Planning Aberdeen", []string{"Torry", "Tillydrone", "Northfield", "Middlefield", "Seaton", "Cove Bay"}, false},
	{"Aberdeenshire", "aberdeenshire", "Aberdeenshire Council", "Grampian", "Grampian Police", "Grampian Fire and Rescue Service", "Banff and Buchan College", "Aberdeenshire Community Planning Partnership", []string{"Peterhead", "Fraserburgh", "Inverurie", "Stonehaven", "Banff", "Huntly"}, false},
	{"Angus", "angus", "Angus Council", "Tayside", "Tayside Police", "Tayside Fire and Rescue Service", "Angus College", "Angus Community Planning Partnership", []string{"Arbroath", "Forfar", "Montrose", "Brechin", "Carnoustie", "Kirriemuir"}, false},
	{"Argyll and Bute", "argyll", "Argyll and Bute Council", "Highland", "Strathclyde Police", "Strathclyde Fire and Rescue", "Argyll College", "Argyll and Bute Community Planning Partnership", []string{"Oban", "Dunoon", "Helensburgh", "Campbeltown", "Rothesay", "Lochgilphead"}, true},
	{"Clackmannanshire", "clacks", "Clackmannanshire Council", "Forth Valley", "Central Scotland Police", "Central Scotland Fire and Rescue Service", "Forth Valley College", "Clackmannanshire Alliance", []string{"Alloa", "Tillicoultry", "Alva", "Dollar", "Tullibody", "Clackmannan"}, false},
	{"Dumfries and Galloway", "dumgal", "Dumfries and Galloway Council", "Dumfries and Galloway", "Dumfries and Galloway Constabulary", "Dumfries and Galloway Fire and Rescue Service", "Dumfries and Galloway College", "Dumfries and Galloway Community Planning Partnership", []string{"Dumfries", "Stranraer", "Annan", "Castle Douglas", "Lockerbie", "Newton Stewart"}, false},
	{"Dundee City", "dundee", "Dundee City Council", "Tayside", "Tayside Police", "Tayside Fire and Rescue Service", "Dundee College", "The Dundee Partnership", []string{"Lochee", "Whitfield", "Kirkton", "Hilltown", "Mid Craigie", "Ardler"}, false},
	{"East Ayrshire", "east-ayrshire", "East Ayrshire Council", "Ayrshire and Arran", "Strathclyde Police", "Strathclyde Fire and Rescue", "Kilmarnock College", "East Ayrshire Community Planning Partnership", []string{"Kilmarnock", "Cumnock", "Stewarton", "Galston", "Auchinleck", "Dalmellington"}, false},
	{"East Dunbartonshire", "east-dunbartonshire", "East Dunbartonshire Council", "Greater Glasgow and Clyde", "Strathclyde Police", "Strathclyde Fire and Rescue", "Cumbernauld College", "East Dunbartonshire Community Planning Partnership", []string{"Kirkintilloch", "Bishopbriggs", "Milngavie", "Bearsden", "Lenzie", "Twechar"}, false},
	{"East Lothian", "east-lothian", "East Lothian Council", "Lothian", "Lothian and Borders Police", "Lothian and Borders Fire and Rescue Service", "Jewel and Esk College", "East Lothian Community Planning Partnership", []string{"Musselburgh", "Haddington", "Dunbar", "North Berwick", "Prestonpans", "Tranent"}, false},
	{"East Renfrewshire", "east-renfrewshire", "East Renfrewshire Council", "Greater Glasgow and Clyde", "Strathclyde Police", "Strathclyde Fire and Rescue", "Reid Kerr College", "East Renfrewshire Community Planning Partnership", []string{"Barrhead", "Giffnock", "Clarkston", "Newton Mearns", "Neilston", "Busby"}, false},
	{"City of Edinburgh", "edinburgh", "The City of Edinburgh Council", "Lothian", "Lothian and Borders Police", "Lothian and Borders Fire and Rescue Service", "Edinburgh's Telford College", "The Edinburgh Partnership", []string{"Leith", "Craigmillar", "Wester Hailes", "Muirhouse", "Gorgie", "Portobello"}, false},
	{"Falkirk", "falkirk", "Falkirk Council", "Forth Valley", "Central Scotland Police", "Central Scotland Fire and Rescue Service", "Forth Valley College", "Falkirk Community Planning Partnership", []string{"Grangemouth", "Bo'ness", "Denny", "Larbert", "Camelon", "Stenhousemuir"}, false},
	{"Fife", "fife", "Fife Council", "Fife", "Fife Constabulary", "Fife Fire and Rescue Service", "Adam Smith College", "Fife Partnership", []string{"Kirkcaldy", "Dunfermline", "Glenrothes", "Methil", "Cowdenbeath", "St Andrews"}, false},
	{"Glasgow City", "glasgow", "Glasgow City Council", "Greater Glasgow and Clyde", "Strathclyde Police", "Strathclyde Fire and Rescue", "John Wheatley College", "Glasgow Community Planning Partnership", []string{"Easterhouse", "Drumchapel", "Castlemilk", "Govan", "Springburn", "Pollok"}, false},
	{"Highland", "highland", "The Highland Council", "Highland", "Northern Constabulary", "Highlands and Islands Fire and Rescue Service", "Inverness College", "Highland Wellbeing Alliance", []string{"Inverness", "Fort William", "Wick", "Thurso", "Dingwall", "Nairn"}, true},
	{"Inverclyde", "inverclyde", "Inverclyde Council", "Greater Glasgow and Clyde", "Strathclyde Police", "Strathclyde Fire and Rescue", "James Watt College", "Inverclyde Alliance", []string{"Greenock", "Port Glasgow", "Gourock", "Kilmacolm", "Inverkip", "Wemyss Bay"}, false},
	{"Midlothian", "midlothian", "Midlothian Council", "Lothian", "Lothian and Borders Police", "Lothian and Borders Fire and Rescue Service", "Jewel and Esk College", "Midlothian Community Planning Partnership", []string{"Dalkeith", "Penicuik", "Bonnyrigg", "Loanhead", "Gorebridge", "Mayfield"}, false},
	{"Moray", "moray", "The Moray Council", "Grampian", "Grampian Police", "Grampian Fire and Rescue Service", "Moray College", "Moray Community Planning Partnership", []string{"Elgin", "Forres", "Buckie", "Keith", "Lossiemouth", "Fochabers"}, true},
	{"Na h-Eileanan Siar", "eilean-siar", "Comhairle nan Eilean Siar", "Western Isles", "Northern Constabulary", "Highlands and Islands Fire and Rescue Service", "Lews Castle College", "Outer Hebrides Community Planning Partnership", []string{"Stornoway", "Tarbert", "Balivanich", "Lochmaddy", "Castlebay", "Daliburgh"}, true},
	{"North Ayrshire", "north-ayrshire", "North Ayrshire Council", "Ayrshire and Arran", "Strathclyde Police", "Strathclyde Fire and Rescue", "James Watt College", "North Ayrshire Community Planning Partnership", []string{"Irvine", "Kilwinning", "Saltcoats", "Ardrossan", "Largs", "Stevenston"}, false},
	{"North Lanarkshire", "north-lanarkshire", "North Lanarkshire Council", "Lanarkshire", "Strathclyde Police", "Strathclyde Fire and Rescue", "Motherwell College", "North Lanarkshire Partnership", []string{"Motherwell", "Wishaw", "Coatbridge", "Airdrie", "Cumbernauld", "Bellshill"}, false},
	{"Orkney Islands", "orkney", "Orkney Islands Council", "Orkney", "Northern Constabulary", "Highlands and Islands Fire and Rescue Service", "Orkney College", "Orkney Community Planning Partnership", []string{"Kirkwall", "Stromness", "St Margaret's Hope", "Dounby", "Finstown", "Westray"}, true},
	{"Perth and Kinross", "perth-kinross", "Perth and Kinross Council", "Tayside", "Tayside Police", "Tayside Fire and Rescue Service", "Perth College", "Perth and Kinross Community Planning Partnership", []string{"Perth", "Blairgowrie", "Crieff", "Pitlochry", "Kinross", "Auchterarder"}, false},
	{"Renfrewshire", "renfrewshire", "Renfrewshire Council", "Greater Glasgow and Clyde", "Strathclyde Police", "Strathclyde Fire and Rescue", "Reid Kerr College", "Community Plan Renfrewshire", []string{"Paisley", "Renfrew", "Johnstone", "Erskine", "Linwood", "Ferguslie Park"}, false},
	{"Scottish Borders", "borders", "Scottish Borders Council", "Borders", "Lothian and Borders Police", "Lothian and Borders Fire and Rescue Service", "Borders College", "Scottish Borders Community Planning Partnership", []string{"Galashiels", "Hawick", "Peebles", "Kelso", "Selkirk", "Eyemouth"}, false},
	{"Shetland Islands", "shetland", "Shetland Islands Council", "Shetland", "Northern Constabulary", "Highlands and Islands Fire and Rescue Service", "Shetland College", "Shetland Community Planning Partnership", []string{"Lerwick", "Scalloway", "Brae", "Sandwick", "Yell", "Unst"}, true},
	{"South Ayrshire", "south-ayrshire", "South Ayrshire Council", "Ayrshire and Arran", "Strathclyde Police", "Strathclyde Fire and Rescue", "Ayr College", "South Ayrshire Community Planning Partnership", []string{"Ayr", "Prestwick", "Troon", "Girvan", "Maybole", "Dundonald"}, false},
	{"South Lanarkshire", "south-lanarkshire", "South Lanarkshire Council", "Lanarkshire", "Strathclyde Police", "Strathclyde Fire and Rescue", "South Lanarkshire College", "South Lanarkshire Partnership", []string{"Hamilton", "East Kilbride", "Rutherglen", "Cambuslang", "Lanark", "Larkhall"}, false},
	{"Stirling", "stirling", "Stirling Council", "Forth Valley", "Central Scotland Police", "Central Scotland Fire and Rescue Service", "Forth Valley College", "Stirling Community Planning Partnership", []string{"Stirling", "Bannockburn", "Dunblane", "Callander", "Cowie", "Raploch"}, false},
	{"West Dunbartonshire", "west-dunbartonshire", "West Dunbartonshire Council", "Greater Glasgow and Clyde", "Strathclyde Police", "Strathclyde Fire and Rescue", "Clydebank College", "West Dunbartonshire Community Planning Partnership", []string{"Clydebank", "Dumbarton", "Alexandria", "Balloch", "Bonhill", "Old Kilpatrick"}, false},
	{"West Lothian", "west-lothian", "West Lothian Council", "Lothian", "Lothian and Borders Police", "Lothian and Borders Fire and Rescue Service", "West Lothian College", "West Lothian Community Planning Partnership", []string{"Livingston", "Bathgate", "Broxburn", "Armadale", "Whitburn", "Linlithgow"}, false},
}

// contribTpl is a kind of contribution and what it is.
type contribTpl struct{ kind, what string }

// orgKind is a kind of partner organisation.
type orgKind struct {
	name   string // template
	id     string // fixed id; "" means initials of the name
	sector string
	remits []string
	posts  []string
	gives  []contribTpl
}

// orgKinds are the organisations partnerships draw on, by key. The key
// "third" stands for the theme's own voluntary organisations.
var orgKinds = map[string]orgKind{
	"council": {"{council}", "", "public",
		[]string{"{service} for {area}", "Local authority; {service} and community planning lead", "{service}, housing and community services"},
		[]string{"Head of {service}", "Depute Director of {service}", "{service} Manager", "Corporate Director, {service}"},
		[]contribTpl{{"staff", "Project co-ordinator post"}, {"budget", "{service} revenue budget"}, {"asset", "Use of community centres and offices"}, {"data", "Service activity and customer records"}, {"staff", "Development officers"}}},
	"nhs": {"NHS {board}", "", "public",
		[]string{"Health improvement, primary and community health care", "Acute and community health services for {area}", "Public health and health improvement"},
		[]string{"Director of Public Health", "Health Improvement Manager", "Clinical Director", "Head of Planning"},
		[]contribTpl{{"staff", "Health improvement practitioners"}, {"budget", "Health improvement funding"}, {"expertise", "Public health analysis"}, {"data", "Hospital admissions data"}}},
	"chp": {"{area} Community Health Partnership", "chp", "public",
		[]string{"Community health services and GP liaison in {area}", "Community nursing, allied health professionals and mental health"},
		[]string{"CHP General Manager", "Head of Community Care", "Lead Nurse"},
		[]contribTpl{{"staff", "Community nursing time"}, {"staff", "Occupational therapists"}, {"expertise", "Clinical governance"}}},
	"police": {"{police}", "", "public",
		[]string{"Policing and community safety in {area}", "Local policing, licensing and crime prevention"},
		[]string{"Chief Inspector, Community Safety", "Divisional Commander", "Superintendent, Operations", "Inspector, Community Policing"},
		[]contribTpl{{"staff", "Community police officers"}, {"data", "Incident and crime data"}, {"expertise", "Crime prevention advice"}, {"budget", "Divisional community safety budget"}}},
	"fire": {"{fire}", "", "public",
		[]string{"Fire and rescue and community fire safety in {area}", "Home fire safety visits and prevention"},
		[]string{"Station Manager, Community Fire Safety", "Area Manager", "Group Manager, Prevention"},
		[]contribTpl{{"staff", "Community fire safety advocates"}, {"asset", "Smoke alarms and home safety equipment"}, {"data", "Dwelling fire statistics"}}},
	"cvs": {"{area} Council for Voluntary Service", "cvs", "third",
		[]string{"Support and voice for voluntary organisations in {area}", "Volunteering and third-sector development"},
		[]string{"Chief Officer", "Development Manager", "Volunteer Centre Manager"},
		[]contribTpl{{"staff", "Volunteer co-ordinator"}, {"expertise", "Links with community groups"}, {"asset", "Volunteer centre premises"}}},
	"ha": {"{town} Housing Association", "", "third",
		[]string{"Social landlord for {town} and surrounding areas", "Housing management and tenancy support"},
		[]string{"Director of Housing", "Housing Services Manager", "Chief Executive"},
		[]contribTpl{{"asset", "Adapted and supported tenancies"}, {"staff", "Tenancy support officers"}, {"budget", "Wider role funding"}}},
	"college": {"{college}", "", "public",
		[]string{"Further education and vocational training", "Access courses and learner support"},
		[]string{"Depute Principal", "Head of Access and Inclusion", "Curriculum Manager"},
		[]contribTpl{{"staff", "Lecturers for access courses"}, {"asset", "Training workshops"}, {"expertise", "Vocational qualifications"}}},
	"jcp": {"Jobcentre Plus", "jcp", "public",
		[]string{"Benefits and employment services", "Pathways to Work and New Deal programmes"},
		[]string{"District Manager", "Partnership Manager", "Employer Engagement Manager"},
		[]contribTpl{{"staff", "Personal advisers"}, {"data", "Claimant count data"}, {"budget", "Adviser discretion fund"}}},
	"careers": {"Careers Scotland", "careers-scotland", "public",
		[]string{"Careers guidance for school leavers and adults", "Key worker support for young people at risk"},
		[]string{"Area Manager", "Head of Operations", "Key Worker Team Leader"},
		[]contribTpl{{"staff", "Key workers"}, {"data", "School leaver destination returns"}, {"expertise", "Careers guidance"}}},
	"enterprise": {"Scottish Enterprise", "se", "public",
		[]string{"Economic development and business support", "Skills and workforce development"},
		[]string{"Head of Regeneration", "Skills Manager"},
		[]contribTpl{{"budget", "Skills development grant"}, {"expertise", "Business engagement"}}},
	"commscot": {"Communities Scotland", "commscot", "public",
		[]string{"Regeneration and housing investment", "Community regeneration funding and support"},
		[]string{"Area Manager", "Regeneration Manager"},
		[]contribTpl{{"budget", "Regeneration grant"}, {"expertise", "Regeneration practice"}}},
	"adat": {"{area} Alcohol and Drug Action Team", "adat", "public",
		[]string{"Co-ordination of alcohol and drug strategy", "Commissioning of alcohol and drug services"},
		[]string{"ADAT Co-ordinator", "Planning and Commissioning Officer"},
		[]contribTpl{{"budget", "ADAT service funding"}, {"expertise", "Alcohol and drug strategy"}, {"data", "Treatment waiting times"}}},
	"scra": {"Scottish Children's Reporter Administration", "scra", "public",
		[]string{"Children's hearings and referrals"},
		[]string{"Locality Reporter Manager"},
		[]contribTpl{{"data", "Referral statistics"}, {"expertise", "Children's hearings practice"}}},
	"copfs": {"Crown Office and Procurator Fiscal Service", "copfs", "public",
		[]string{"Prosecution of crime"},
		[]string{"Area Procurator Fiscal"},
		[]contribTpl{{"expertise", "Prosecution policy"}, {"data", "Case outcome data"}}},
	"scs": {"Scottish Court Service", "scs", "public",
		[]string{"Sheriff and justice of the peace courts"},
		[]string{"Sheriff Clerk", "Area Director"},
		[]contribTpl{{"data", "Court throughput data"}, {"asset", "Court interview rooms"}}},
	"leisure": {"{area} Leisure Trust", "leisure", "third",
		[]string{"Sport, leisure and community facilities", "Active schools and community sport"},
		[]string{"General Manager", "Active Communities Manager"},
		[]contribTpl{{"asset", "Leisure centre sessions"}, {"staff", "Sports development officers"}}},
	"cab": {"{town} Citizens Advice Bureau", "cab", "third",
		[]string{"Free advice on benefits, debt and housing", "Money and welfare rights advice"},
		[]string{"Bureau Manager", "Advice Services Manager"},
		[]contribTpl{{"staff", "Welfare rights advisers"}, {"expertise", "Debt advice"}}},
	"cc": {"{town} Community Council", "community-council", "community",
		[]string{"Statutory voice of the {town} community"},
		[]string{"Chair", "Secretary"},
		[]contribTpl{{"expertise", "Local knowledge"}, {"data", "Residents' survey returns"}}},
	"tenants": {"{area} Tenants and Residents Federation", "tenants", "community",
		[]string{"Representing tenants and residents' associations"},
		[]string{"Chair", "Development Worker"},
		[]contribTpl{{"expertise", "Tenants' views"}, {"staff", "Volunteer street representatives"}}},
	"trade": {"{area} Licensed Trade Forum", "pubwatch", "private",
		[]string{"Licensees of pubs, clubs and off-sales"},
		[]string{"Chair"},
		[]contribTpl{{"staff", "Door staff and trained bar staff"}, {"budget", "Radio link scheme subscriptions"}}},
	"chamber": {"{area} Chamber of Commerce", "chamber", "private",
		[]string{"Voice of local business"},
		[]string{"Chief Executive", "Policy Manager"},
		[]contribTpl{{"expertise", "Employer links"}, {"staff", "Business mentors"}}},
	"energy": {"Scottish and Southern Energy", "sse", "private",
		[]string{"Energy supplier; Energy Efficiency Commitment obligations"},
		[]string{"Social Programmes Manager"},
		[]contribTpl{{"budget", "Energy Efficiency Commitment funding"}, {"expertise", "Insulation programmes"}}},
	"sepa": {"Scottish Environment Protection Agency", "sepa", "public",
		[]string{"Environmental regulation"},
		[]string{"Area Manager"},
		[]contribTpl{{"expertise", "Waste regulation"}, {"data", "Fly-tipping reports"}}},
}

// thirdOrg is a voluntary organisation a theme draws on.
type thirdOrg struct{ name, id, remit string }

// groupTpl is a client group.
type groupTpl struct{ name, definition, service, impact string }

// measureTpl is a measure: its baseline lies in [lo, hi] with dec decimals,
// the pre-partnership trend is up to trend per year (positive: worsening),
// and the isolation and collaborative targets improve the baseline by the
// fractions iso and col.
type measureTpl struct {
	id, indicator, kind, better string
	lo, hi                      float64
	dec                         int
	trend, iso, col             float64
	source                      string
}

// effTpl is an efficiency with a range of savings in pounds.
type effTpl struct {
	desc     string
	min, max float64
}

// evidenceTpl is an evidence item.
type evidenceTpl struct{ id, typ, source string }

// fundTpl is a funding source.
type fundTpl struct{ from, kind string }

// theme is a kind of partnership.
type theme struct {
	key, service                     string
	names, tasks, whys, mandates     []string
	added                            []string
	noGain                           []string
	outcomes                         []int    // national outcomes (2007)
	npf                              []string // National Performance Framework outcomes (2018)
	soa                              []string
	groups                           []groupTpl
	measures                         []measureTpl
	efficiencies                     []effTpl
	evidence                         []evidenceTpl
	actions, workstreams             []string
	orgs                             []string
	third                            []thirdOrg
	leads                            []string
	bodies, reports                  []string
	funds                            []fundTpl
	benefits, ends, plans, interests []string
}

var themes = []theme{
	{
		key: "falls", service: "Social Work Services",
		names:    []string{"{area} Falls Prevention Partnership", "{town} Falls and Home Safety Project", "{area} Older People's Home Safety Programme"},
		tasks:    []string{"Cut emergency admissions after falls among people aged 65 and over in {area} by a quarter by March 2011", "Offer every older person discharged after a fall a joint home safety and falls risk visit within 14 days"},
		whys:     []string{"Falls risk, home hazards and fire risk are assessed by three agencies; one visit by a trained worker covers all three", "No single agency sees the whole picture: GPs, social work, fire and housing each hold part of the falls risk"},
		mandates: []string{"Falls are the commonest cause of emergency admission among older people in {area}", "The {area} joint older people's strategy identified falls as its first priority"},
		added:    []string{"enhanced_outcomes", "efficiency", "mutual_understanding", "quality_effectiveness"},
		noGain:   []string{"Acute orthopaedic treatment stays with the hospital", "Home care scheduling stays with social work"},
		outcomes: []int{6, 9, 15},
		npf:      []string{"health", "communities"},
		soa:      []string{"SOA outcome: older people live independently at home for longer", "SOA outcome: fewer emergency admissions of older people"},
		groups: []groupTpl{
			{"Older people at risk of falls", "Residents aged 65+ with a fall in the last year or on four or more medicines", "Joint falls risk and home safety visit with follow-up exercise classes", "Fewer falls and fewer emergency admissions"},
			{"Older people living alone", "Residents aged 75+ living alone, known to social work or primary care", "Home safety check, smoke alarm and community alarm", "Safer homes and quicker help after a fall"},
			{"Unpaid carers of frail older people", "Carers looking after someone with a history of falls", "Advice on moving and handling and on falls prevention", "Carers confident to reduce falls risk"},
		},
		measures: []measureTpl{
			{"falls-admissions", "Emergency admissions after a fall, people aged 65+ per year", "outcome", "lower", 380, 900, 0, 25, 0.05, 0.15, "ISD SMR01"},
			{"repeat-falls", "Older people with a second fall within 6 months (%)", "outcome", "lower", 18, 32, 1, 0.8, 0.1, 0.25, "Falls service database"},
			{"joint-visits", "Joint falls and home safety visits completed per year", "collaborative_activity", "higher", 0, 40, 0, 0, 0, 0, "Joint visit log"},
			{"shared-referrals", "Referrals made through the shared referral form (%)", "collaborative_activity", "higher", 0, 20, 0, 0, 0, 0, ""},
			{"visit-cost", "Cost per home safety visit (GBP)", "efficiency", "lower", 90, 160, 0, 3, 0.05, 0.2, "Finance returns"},
		},
		efficiencies: []effTpl{{"One visit instead of separate fire, social work and health visits", 40000, 90000}, {"Fewer bed days for falls admissions", 150000, 400000}},
		evidence:     []evidenceTpl{{"admissions-analysis", "quantitative", "Analysis of falls admissions, ISD Scotland"}, {"carers-survey", "qualitative", "Interviews with older people and carers after a fall"}, {"sign-guidance", "qualitative", "SIGN and NICE guidance on falls prevention"}, {"fire-casualties", "quantitative", "Dwelling fire casualties among older people"}},
		actions:      []string{"Shared referral form agreed", "Joint visit training for all workers", "Strength and balance classes in every locality", "Falls pathway agreed with GP practices", "Evaluation of the first year's visits"},
		workstreams:  []string{"Referral pathway", "Home safety visits", "Exercise and activity", "Workforce training"},
		orgs:         []string{"nhs", "chp", "fire", "ha", "leisure", "cvs"},
		third:        []thirdOrg{{"Age Concern Scotland", "age-concern", "Services and advocacy for older people"}, {"Care and Repair {area}", "care-repair", "Small repairs and adaptations for older home owners"}, {"WRVS", "wrvs", "Volunteer befriending and meals services"}},
		leads:        []string{"council", "nhs", "chp"},
		bodies:       []string{"Falls Prevention Steering Group", "Older People's Home Safety Group"},
		reports:      []string{"{area} Older People's Joint Planning Group", "{cpp} Health and Wellbeing Board", "{council} Social Work Committee"},
		funds:        []fundTpl{{"Change Fund for older people", "pump_priming"}, {"Council social work budget", "mainstream"}, {"NHS {board} health improvement budget", "aligned"}, {"Fire safety equipment budget", "in_kind"}},
		benefits:     []string{"Older people report feeling safer at home", "Staff of all agencies understand each other's role in falls prevention"},
		ends:         []string{"Falls pathway mainstreamed in community care services", "Joint visits adopted as standard practice by all partners"},
		plans:        []string{"Visits continue within mainstream social work and fire safety budgets from April 2010", "The partners have agreed to align budgets once the Change Fund ends"},
		interests:    []string{"Fewer bed days and delayed discharges", "Fewer dwelling fire casualties", "Tenants able to stay in their homes"},
	},
	{
		key: "youth-diversion", service: "Community Safety",
		names:    []string{"{town} Friday Night Youth Diversion", "{area} Youth Diversion Programme", "{town} Young People's Safer Streets Project"},
		tasks:    []string{"Reduce youth disorder calls in {town} on Friday and Saturday nights by a fifth within two years", "Provide positive activities for young people in {town} on weekend evenings, when youth disorder peaks"},
		whys:     []string{"Police, youth work and leisure each see only part of the problem; together they can target places and times", "Diversion needs youth workers, venues and police intelligence, which no one partner holds"},
		mandates: []string{"Youth disorder calls to police in {town} rose for three years running", "Residents named youth disorder as their top concern in the {area} citizens' panel"},
		added:    []string{"enhanced_outcomes", "critical_mass", "mutual_understanding"},
		noGain:   []string{"Enforcement decisions stay with the police", "School discipline stays with schools"},
		outcomes: []int{4, 9, 11},
		npf:      []string{"children-and-young-people", "communities"},
		soa:      []string{"SOA outcome: communities are safer and feel safer", "SOA outcome: young people are active citizens"},
		groups: []groupTpl{
			{"Young people aged 12 to 17", "Young people living in or visiting {town} on weekend evenings", "Free sport, music and youth work sessions on Friday and Saturday nights", "Fewer young people involved in disorder and more taking part in positive activities"},
			{"Young people at risk of offending", "Young people known to police or the Children's Reporter for antisocial behaviour", "Key worker support and diversion activities", "Fewer referrals to the Children's Reporter on offence grounds"},
			{"Residents affected by youth disorder", "Households in the streets with the most youth disorder calls", "Street meetings and feedback on action taken", "Residents feel safer and more confident in the police"},
		},
		measures: []measureTpl{
			{"disorder-calls", "Youth disorder calls to police, weekend nights, per year", "outcome", "lower", 300, 1200, 0, 40, 0.05, 0.2, "Police command and control system"},
			{"offence-referrals", "Offence referrals to the Children's Reporter per year", "outcome", "lower", 80, 260, 0, 8, 0.05, 0.15, "SCRA statistics"},
			{"attendances", "Attendances at diversion sessions per year", "collaborative_activity", "higher", 0, 500, 0, 0, 0, 0, "Session registers"},
			{"joint-patrols", "Joint youth work and police outreach sessions per year", "collaborative_activity", "higher", 0, 12, 0, 0, 0, 0, ""},
			{"cost-per-attendance", "Cost per attendance (GBP)", "efficiency", "lower", 8, 20, 1, 0.2, 0.05, 0.2, "Finance returns"},
		},
		efficiencies: []effTpl{{"Shared use of school and leisure venues at no charge", 20000, 45000}, {"Less police time spent on youth calls", 30000, 80000}},
		evidence:     []evidenceTpl{{"disorder-analysis", "quantitative", "Analysis of youth disorder calls by street and hour"}, {"youth-consultation", "qualitative", "Consultation with young people in schools and youth clubs"}, {"panel-survey", "quantitative", "Citizens' panel survey on community safety"}, {"street-meetings", "qualitative", "Notes of street meetings with residents"}},
		actions:      []string{"Venues and staffing agreed for weekend sessions", "Information sharing protocol signed", "Sessions launched in {town}", "Outreach route agreed with police", "Young people's review of the programme"},
		workstreams:  []string{"Weekend activities", "Outreach and street work", "Information sharing", "Communications"},
		orgs:         []string{"police", "leisure", "scra", "cvs", "college", "fire"},
		third:        []thirdOrg{{"YMCA Scotland", "ymca", "Youth work and volunteering"}, {"Includem", "includem", "Intensive support for young people at risk"}, {"Youth Scotland", "youth-scotland", "Network of youth groups"}},
		leads:        []string{"council", "police"},
		bodies:       []string{"Youth Diversion Steering Group", "Safer Streets Group"},
		reports:      []string{"{area} Community Safety Partnership", "{cpp} Board", "{council} Community Safety Committee"},
		funds:        []fundTpl{{"Cashback for Communities", "pump_priming"}, {"Community Regeneration Fund", "pump_priming"}, {"Council youth services budget", "mainstream"}, {"Police divisional budget", "aligned"}},
		benefits:     []string{"Young people and police officers get to know each other", "Residents see visible action on their main concern"},
		ends:         []string{"Weekend disorder calls back below the 2005 level for two years", "Sessions taken on by the youth services mainstream programme"},
		plans:        []string{"Sessions move to the youth services mainstream budget when the grant ends", "Partners have agreed to bid to the Fairer Scotland Fund and to align budgets"},
		interests:    []string{"Fewer calls on weekend nights", "More young people using facilities", "Fewer offence referrals"},
	},
	{
		key: "mcmc", service: "Education Services",
		names:    []string{"{area} More Choices More Chances Partnership", "{area} 16+ Learning Choices Group", "{town} School Leavers Transition Project"},
		tasks:    []string{"Reduce the share of {area} school leavers not in education, employment or training to below 10% by 2010", "Give every young person at risk of a negative destination a key worker from S3"},
		whys:     []string{"Schools, careers advisers, colleges and employers each hold part of the route into work; key workers join them up", "Young people fall between services at 16; one shared tracking list closes the gap"},
		mandates: []string{"{area} had one of the highest rates of young people not in education, employment or training in Scotland", "More Choices More Chances (Scottish Executive, 2006) asked every area to set up a local partnership"},
		added:    []string{"enhanced_outcomes", "critical_mass", "efficiency"},
		noGain:   []string{"Exam timetabling stays with schools", "College admissions stay with the college"},
		outcomes: []int{2, 3, 4, 8},
		npf:      []string{"education", "children-and-young-people", "fair-work-and-business"},
		soa:      []string{"SOA outcome: more young people in positive destinations", "SOA outcome: young people are successful learners"},
		groups: []groupTpl{
			{"School leavers at risk of a negative destination", "Pupils in S3 to S6 flagged by guidance staff or with poor attendance", "Key worker, tailored learning and a guaranteed offer on leaving school", "More young people in education, training or work"},
			{"Young people not in education, employment or training", "Young people aged 16 to 19 known to be without a positive destination", "Re-engagement activities and supported routes to college or work", "Sustained positive destinations"},
			{"Looked after young people", "Young people in care or care leavers aged 15 to 19", "Throughcare key worker and college taster courses", "Care leavers in sustained education, training or work"},
		},
		measures: []measureTpl{
			{"positive-destinations", "School leavers in a positive destination (%)", "outcome", "higher", 78, 86, 1, -0.4, 0.02, 0.06, "School leaver destination returns"},
			{"neet-count", "Young people aged 16 to 19 not in education, employment or training", "outcome", "lower", 300, 900, 0, 20, 0.05, 0.15, "Careers Scotland tracking"},
			{"key-worker-caseload", "Young people with a shared key worker plan", "collaborative_activity", "higher", 0, 60, 0, 0, 0, 0, "Shared tracking list"},
			{"joint-reviews", "Joint transition reviews held per year", "collaborative_activity", "higher", 0, 30, 0, 0, 0, 0, ""},
			{"cost-per-destination", "Cost per sustained positive destination (GBP)", "efficiency", "lower", 2500, 6000, 0, 50, 0.05, 0.2, "Finance returns"},
		},
		efficiencies: []effTpl{{"One shared tracking list instead of three", 15000, 30000}, {"Joint commissioning of re-engagement programmes", 50000, 120000}},
		evidence:     []evidenceTpl{{"destinations-data", "quantitative", "School leaver destination returns"}, {"young-people-views", "qualitative", "Focus groups with young people not in education or work"}, {"tracking-audit", "quantitative", "Audit of the shared tracking list"}, {"employer-interviews", "qualitative", "Interviews with local employers"}},
		actions:      []string{"Shared tracking list agreed and populated", "Key workers in post in all secondary schools", "Guaranteed offer for every leaver", "Employer pledge launched", "Review of the first cohort's destinations"},
		workstreams:  []string{"Tracking and data", "Key workers", "Learning offer", "Employer engagement"},
		orgs:         []string{"careers", "college", "jcp", "enterprise", "cvs", "chamber"},
		third:        []thirdOrg{{"The Prince's Trust Scotland", "princes-trust", "Personal development programmes for young people"}, {"Barnardo's Scotland", "barnardos", "Employability support for vulnerable young people"}, {"Fairbridge in Scotland", "fairbridge", "Outdoor and personal development for young people"}},
		leads:        []string{"council", "careers"},
		bodies:       []string{"More Choices More Chances Working Group", "16+ Learning Choices Partnership"},
		reports:      []string{"{area} Employability Partnership", "{cpp} Board", "{council} Education Committee"},
		funds:        []fundTpl{{"Workforce Plus", "pump_priming"}, {"European Social Fund", "pump_priming"}, {"Council education budget", "mainstream"}, {"Careers Scotland key worker budget", "aligned"}},
		benefits:     []string{"Guidance staff and careers advisers plan together for each young person", "Young people say they know where to go for help"},
		ends:         []string{"Negative destinations below 10% for three years running", "Key worker approach adopted in every school's mainstream guidance"},
		plans:        []string{"Key workers move to the education mainstream budget in 2010/11", "The partnership will bid to the Fairer Scotland Fund and align partners' budgets"},
		interests:    []string{"More school leavers in positive destinations", "Full courses and retained students", "Fewer young claimants"},
	},
	{
		key: "alcohol-abi", service: "Community Care",
		names:    []string{"{area} Alcohol Brief Interventions Programme", "{area} Alcohol Harm Reduction Partnership", "{town} Hidden Harm Project"},
		tasks:    []string{"Deliver alcohol brief interventions in primary care, A&E and community settings across {area}", "Cut alcohol-related hospital admissions in {area} by 10% by 2011"},
		whys:     []string{"Brief interventions work only if GPs, A&E, social work and voluntary services all ask the same questions and refer on", "Treatment, prevention and licensing are held by different agencies"},
		mandates: []string{"Alcohol-related hospital admissions in {area} rose by over a third in ten years", "The national HEAT target for alcohol brief interventions applies to every NHS board"},
		added:    []string{"enhanced_outcomes", "quality_effectiveness", "critical_mass"},
		noGain:   []string{"Licensing decisions stay with the Licensing Board", "Specialist detoxification stays with the NHS"},
		outcomes: []int{6, 7, 9},
		npf:      []string{"health", "communities"},
		soa:      []string{"SOA outcome: reduced alcohol-related harm", "SOA outcome: healthier lifestyles"},
		groups: []groupTpl{
			{"Adults drinking above recommended limits", "Adults who score 8 or more on the AUDIT questionnaire", "Brief intervention in primary care or A&E and referral to community alcohol services", "Lower weekly consumption and fewer alcohol-related admissions"},
			{"Children affected by parental substance misuse", "Children living with a parent with an alcohol or drug problem", "Family support and hidden harm training for staff", "Children safer and better supported"},
			{"Problem drinkers in contact with criminal justice", "People on probation or community service with an alcohol problem", "Assessment and brief intervention within criminal justice social work", "Less alcohol-related reoffending"},
		},
		measures: []measureTpl{
			{"alcohol-admissions", "Alcohol-related hospital admissions per year", "outcome", "lower", 600, 2200, 0, 60, 0.05, 0.12, "ISD SMR01"},
			{"abis-delivered", "Alcohol brief interventions delivered per year", "collaborative_activity", "higher", 0, 800, 0, 0, 0, 0, "ABI returns"},
			{"waiting-weeks", "Median wait for community alcohol treatment (weeks)", "outcome", "lower", 6, 14, 0, 0.5, 0.1, 0.35, "Service waiting lists"},
			{"trained-staff", "Staff of all partners trained in brief interventions", "collaborative_activity", "higher", 0, 50, 0, 0, 0, 0, ""},
			{"cost-per-abi", "Cost per brief intervention (GBP)", "efficiency", "lower", 25, 60, 0, 1, 0.05, 0.2, "Finance returns"},
		},
		efficiencies: []effTpl{{"Joint training programme for all partners' staff", 10000, 25000}, {"Fewer repeat A&E attendances", 60000, 150000}},
		evidence:     []evidenceTpl{{"admissions-trend", "quantitative", "Alcohol-related admissions trend, ISD Scotland"}, {"service-users", "qualitative", "Interviews with people in alcohol treatment"}, {"health-needs", "quantitative", "Alcohol health needs assessment"}, {"staff-views", "qualitative", "Survey of primary care staff attitudes"}},
		actions:      []string{"Screening tool agreed by all partners", "Brief intervention training for GP practices", "Referral pathway to community alcohol services", "A&E liaison nurse in post", "Evaluation by the health board's public health team"},
		workstreams:  []string{"Primary care", "Acute settings", "Community and criminal justice", "Training"},
		orgs:         []string{"nhs", "adat", "police", "cvs", "chp"},
		third:        []thirdOrg{{"Alcohol Focus Scotland", "afs", "Alcohol harm prevention"}, {"Addaction", "addaction", "Community alcohol and drug services"}, {"Turning Point Scotland", "turning-point", "Support for people with alcohol problems"}},
		leads:        []string{"nhs", "adat", "council"},
		bodies:       []string{"Alcohol Brief Interventions Steering Group", "Alcohol Harm Reduction Group"},
		reports:      []string{"{area} Alcohol and Drug Action Team", "{cpp} Health Improvement Group", "NHS {board} Board"},
		funds:        []fundTpl{{"Scottish Government alcohol funding", "pump_priming"}, {"NHS {board} HEAT target funding", "aligned"}, {"Council social work budget", "mainstream"}, {"Pooled ADAT budget", "pooled"}},
		benefits:     []string{"Staff more confident to raise alcohol with patients and clients", "Shared language on alcohol across agencies"},
		ends:         []string{"Brief interventions embedded in routine practice in all settings", "HEAT target met for two consecutive years"},
		plans:        []string{"Brief interventions become part of core GP and A&E contracts from 2010", "The ADAT will pool partners' alcohol budgets when ring-fenced funding ends"},
		interests:    []string{"Fewer alcohol-related admissions", "Less alcohol-related crime", "Clients referred on earlier"},
	},
	{
		key: "employability", service: "Economic Development",
		names:    []string{"{area} Employability Partnership", "{area} Workforce Plus Partnership", "{town} Routes to Work Project"},
		tasks:    []string{"Help 500 people on incapacity benefit in {area} into sustained work by 2010", "One route into work for every unemployed adult in {town}, from first contact to twelve months in a job"},
		whys:     []string{"Employability services were funded by six bodies with different rules; a single pipeline avoids duplication and gaps", "Health, skills, benefits and childcare barriers need several agencies at once"},
		mandates: []string{"Workforce Plus (Scottish Executive, 2006) asked every area to build an employability framework", "A quarter of working-age adults in {town} are on out-of-work benefits"},
		added:    []string{"efficiency", "critical_mass", "enhanced_outcomes", "economy_of_scale"},
		noGain:   []string{"Benefit decisions stay with Jobcentre Plus"},
		outcomes: []int{1, 2, 7},
		npf:      []string{"fair-work-and-business", "poverty", "economy"},
		soa:      []string{"SOA outcome: more people in work", "SOA outcome: fewer workless households"},
		groups: []groupTpl{
			{"Incapacity benefit claimants", "Adults claiming incapacity benefit for more than six months", "Condition management, vocational training and in-work support", "Sustained employment and better health"},
			{"Lone parents", "Lone parents on income support with children under 12", "Childcare, training and flexible job brokerage", "More lone parents in work"},
			{"Long-term unemployed adults", "Adults unemployed for more than 12 months", "Key worker, training and job brokerage", "More people in sustained work"},
		},
		measures: []measureTpl{
			{"into-work", "People helped into work lasting 13 weeks or more per year", "outcome", "higher", 80, 350, 0, -5, 0.05, 0.2, "Pipeline tracking system"},
			{"workless-rate", "Working-age residents on out-of-work benefits (%)", "outcome", "lower", 14, 25, 1, 0.2, 0.03, 0.08, "DWP benefit statistics"},
			{"shared-caseload", "Clients on the shared employability caseload", "collaborative_activity", "higher", 0, 200, 0, 0, 0, 0, "Shared client database"},
			{"joint-employer-deals", "Employer recruitment agreements made jointly", "collaborative_activity", "higher", 0, 10, 0, 0, 0, 0, ""},
			{"cost-per-job", "Cost per sustained job outcome (GBP)", "efficiency", "lower", 3000, 7000, 0, 80, 0.05, 0.2, "Finance returns"},
		},
		efficiencies: []effTpl{{"Single employability pipeline replaces separate contracts", 80000, 200000}, {"Shared client database avoids duplicate assessments", 20000, 50000}},
		evidence:     []evidenceTpl{{"benefit-stats", "quantitative", "DWP working-age benefit statistics"}, {"client-journeys", "qualitative", "Case studies of clients' journeys into work"}, {"labour-market", "quantitative", "Local labour market assessment"}, {"employer-survey", "qualitative", "Interviews with local employers"}},
		actions:      []string{"Pipeline stages agreed by all partners", "Shared client database in use", "Condition management programme launched", "Employer recruitment agreements signed", "Independent evaluation of the pipeline"},
		workstreams:  []string{"Engagement", "Skills and training", "Job brokerage", "In-work support"},
		orgs:         []string{"jcp", "nhs", "college", "enterprise", "cvs", "cab", "chamber"},
		third:        []thirdOrg{{"Working Links", "working-links", "Employment programmes"}, {"Enable Scotland", "enable", "Supported employment for people with learning disabilities"}, {"SAMH", "samh", "Mental health and employment support"}},
		leads:        []string{"council", "jcp"},
		bodies:       []string{"Employability Partnership Board", "Routes to Work Management Group"},
		reports:      []string{"{cpp} Economic Forum", "{cpp} Board", "{council} Economic Development Committee"},
		funds:        []fundTpl{{"Workforce Plus", "pump_priming"}, {"European Social Fund", "pump_priming"}, {"Fairer Scotland Fund", "pump_priming"}, {"Council economic development budget", "mainstream"}, {"Jobcentre Plus adviser time", "in_kind"}},
		benefits:     []string{"Clients tell their story once", "Partners understand each other's funding rules"},
		ends:         []string{"Pipeline commissioned as one contract by the partners", "Out-of-work benefit rate at the Scottish average"},
		plans:        []string{"From 2010 the pipeline is funded from the Fairer Scotland Fund and partners' aligned budgets", "Partners commit mainstream adviser time when European funding ends"},
		interests:    []string{"Fewer people on out-of-work benefits", "Learners progressing to jobs", "Employers able to recruit locally"},
	},
	{
		key: "reablement", service: "Community Care",
		names:    []string{"{area} Reablement Service", "{area} Intermediate Care Partnership", "{town} Home from Hospital Project"},
		tasks:    []string{"Six weeks of reablement at home for every older person leaving hospital in {area}, so fewer need long-term care", "End delayed discharges of more than six weeks in {area}"},
		whys:     []string{"Hospital discharge, home care and therapy are run by different agencies; reablement needs them as one team", "Only a joint team can offer one assessment and one plan at discharge"},
		mandates: []string{"Delayed discharges in {area} were above the national target", "Shifting the Balance of Care asks partners to support more people at home"},
		added:    []string{"enhanced_outcomes", "efficiency", "quality_effectiveness"},
		noGain:   []string{"Hospital bed management stays with the NHS"},
		outcomes: []int{6, 15},
		npf:      []string{"health"},
		soa:      []string{"SOA outcome: more older people supported at home", "SOA outcome: fewer delayed discharges"},
		groups: []groupTpl{
			{"Older people leaving hospital", "People aged 65+ discharged from acute or community hospitals", "Up to six weeks of reablement by a joint home care and therapy team", "More people living independently without long-term care"},
			{"People with long-term conditions", "Adults with COPD, heart failure or diabetes with two or more admissions a year", "Anticipatory care plans and rapid response at home", "Fewer emergency admissions"},
		},
		measures: []measureTpl{
			{"delayed-discharges", "Delayed discharges over six weeks at the census", "outcome", "lower", 10, 45, 0, 2, 0.1, 0.5, "ISD delayed discharge census"},
			{"no-further-care", "People needing no home care after reablement (%)", "outcome", "higher", 20, 40, 0, -0.5, 0.05, 0.2, "Reablement database"},
			{"joint-assessments", "Single shared assessments completed", "collaborative_activity", "higher", 0, 100, 0, 0, 0, 0, "Single shared assessment returns"},
			{"bed-days", "Bed days lost to delayed discharge per year", "efficiency", "lower", 4000, 15000, 0, 300, 0.05, 0.3, "ISD"},
		},
		efficiencies: []effTpl{{"Lower long-term home care hours", 200000, 500000}, {"Fewer bed days lost to delayed discharge", 300000, 800000}},
		evidence:     []evidenceTpl{{"discharge-census", "quantitative", "ISD delayed discharge census"}, {"user-interviews", "qualitative", "Interviews with people after reablement"}, {"home-care-audit", "quantitative", "Audit of home care packages after discharge"}, {"staff-workshop", "qualitative", "Joint staff workshop on discharge planning"}},
		actions:      []string{"Joint reablement team recruited", "Single assessment form in use", "Discharge protocol agreed with wards", "Equipment store merged", "Review of outcomes after six months"},
		workstreams:  []string{"Discharge planning", "Reablement team", "Equipment and adaptations"},
		orgs:         []string{"nhs", "chp", "ha", "cvs"},
		third:        []thirdOrg{{"Crossroads Caring Scotland", "crossroads", "Breaks and support for carers"}, {"Red Cross", "red-cross", "Home from hospital volunteers"}, {"Alzheimer Scotland", "alzheimer", "Support for people with dementia"}},
		leads:        []string{"council", "chp", "nhs"},
		bodies:       []string{"Reablement Project Board", "Intermediate Care Steering Group"},
		reports:      []string{"{area} Community Health Partnership Committee", "{cpp} Health and Wellbeing Board", "NHS {board} Board"},
		funds:        []fundTpl{{"Delayed discharge funding", "pump_priming"}, {"Council home care budget", "mainstream"}, {"CHP community services budget", "aligned"}, {"Joint equipment budget", "pooled"}},
		benefits:     []string{"People regain confidence to live at home", "Health and social care staff share one plan"},
		ends:         []string{"Reablement becomes the default first response for home care", "No delayed discharges over six weeks for two years"},
		plans:        []string{"Savings in home care hours fund the team from 2010", "Partners pool home care and therapy budgets when the funding ends"},
		interests:    []string{"Fewer delayed discharges", "Lower long-term care costs", "Tenants supported to stay at home"},
	},
	{
		key: "night-time-safety", service: "Community Safety",
		names:    []string{"{town} Town Centre Night-time Safety Group", "{town} Safer Town Centre Partnership", "{area} Night-time Economy Partnership"},
		tasks:    []string{"Reduce violent crime in {town} town centre between 10pm and 4am by 15% in two years", "A safe route home from {town} town centre every weekend night"},
		whys:     []string{"Licensees, police, council and transport each control part of the night-time economy", "Only joint action on taxis, licensing and policing cuts late-night violence"},
		mandates: []string{"A third of violent crime in {area} happens in {town} town centre at weekends", "The Licensing (Scotland) Act 2005 asks partners to act on public safety"},
		added:    []string{"enhanced_outcomes", "mutual_understanding", "critical_mass"},
		noGain:   []string{"Licensing decisions stay with the Licensing Board", "Criminal investigation stays with the police"},
		outcomes: []int{9, 11},
		npf:      []string{"communities", "economy"},
		soa:      []string{"SOA outcome: people feel safer in town centres", "SOA outcome: less violent crime"},
		groups: []groupTpl{
			{"Night-time visitors to {town} town centre", "People using pubs, clubs and takeaways in {town} on weekend nights", "Marshalled taxi ranks, street pastors, CCTV and radio links", "Fewer assaults and people feel safer"},
			{"Town centre residents", "Residents of flats in and around the town centre", "Noise and disorder response and regular feedback", "Less disturbance at night"},
		},
		measures: []measureTpl{
			{"violent-crime", "Violent crimes in the town centre, 10pm to 4am, per year", "outcome", "lower", 120, 420, 0, 12, 0.05, 0.15, "Police crime recording system"},
			{"feel-safe", "Visitors who feel safe in the town centre at night (%)", "outcome", "higher", 40, 60, 0, -1, 0.05, 0.15, "Town centre survey"},
			{"radio-link-members", "Licensed premises in the radio link scheme", "collaborative_activity", "higher", 0, 15, 0, 0, 0, 0, "Pubwatch register"},
			{"joint-operations", "Joint police and licensing standards operations per year", "collaborative_activity", "higher", 0, 6, 0, 0, 0, 0, ""},
		},
		efficiencies: []effTpl{{"Shared CCTV monitoring", 25000, 60000}, {"Fewer A&E attendances for assault", 20000, 50000}},
		evidence:     []evidenceTpl{{"crime-hotspots", "quantitative", "Hotspot analysis of violent crime by hour"}, {"licensee-views", "qualitative", "Meetings with licensees and door staff"}, {"ae-data", "quantitative", "A&E assault attendances"}, {"visitor-survey", "qualitative", "Street interviews with night-time visitors"}},
		actions:      []string{"Marshalled taxi rank in place", "Radio link scheme launched", "Street pastors recruited", "Late-night bus trial", "Review of the first year"},
		workstreams:  []string{"Licensing and premises", "Transport", "Street presence"},
		orgs:         []string{"police", "trade", "fire", "nhs", "chamber", "copfs"},
		third:        []thirdOrg{{"Street Pastors {town}", "street-pastors", "Volunteers helping vulnerable people at night"}, {"Victim Support Scotland", "victim-support", "Support for victims of crime"}},
		leads:        []string{"council", "police"},
		bodies:       []string{"Town Centre Night-time Safety Group", "Safer Town Centre Group"},
		reports:      []string{"{area} Community Safety Partnership", "{cpp} Board", "{council} Licensing Forum"},
		funds:        []fundTpl{{"Community Safety Partnership award", "pump_priming"}, {"Council community safety budget", "mainstream"}, {"Licensed trade subscriptions", "pooled"}, {"Police overtime budget", "aligned"}},
		benefits:     []string{"Licensees and police share information quickly", "The town centre is seen as safer by visitors"},
		ends:         []string{"Violent crime in the town centre at night below the 2005 level for two years"},
		plans:        []string{"The radio link and taxi marshals are funded by the licensed trade from 2010", "The council's community safety budget takes on the CCTV costs"},
		interests:    []string{"A safer trading environment", "Fewer late-night calls", "Fewer assault injuries"},
	},
	{
		key: "carers", service: "Social Work Services",
		names:    []string{"{area} Carers' Support Project", "{area} Young Carers Partnership", "{town} Carers' Centre Partnership"},
		tasks:    []string{"Identify and support 1,000 more unpaid carers in {area} by 2010", "Give every young carer in {area} a named contact and a break each term"},
		whys:     []string{"Carers are known to GPs, schools and social work separately; nobody sees them all", "Support for carers needs health, social care and voluntary services together"},
		mandates: []string{"The 2001 census found far more carers in {area} than services knew about", "The Carers Strategy asks partners to identify carers early"},
		added:    []string{"enhanced_outcomes", "mutual_understanding", "quality_effectiveness"},
		noGain:   []string{"Care packages for the cared-for person stay with social work"},
		outcomes: []int{6, 8, 11},
		npf:      []string{"health", "communities", "children-and-young-people"},
		soa:      []string{"SOA outcome: carers are supported to continue caring", "SOA outcome: young carers achieve their potential"},
		groups: []groupTpl{
			{"Adult unpaid carers", "Adults providing regular unpaid care to a relative or friend", "Carer's assessment, information, breaks and emotional support", "Carers able to keep caring and look after their own health"},
			{"Young carers", "Children and young people under 18 caring for a family member", "Named contact in school, young carers' group and short breaks", "Young carers attending school and taking part in activities"},
		},
		measures: []measureTpl{
			{"carers-identified", "Carers known to services", "outcome", "higher", 800, 2500, 0, -20, 0.1, 0.3, "Carers' register"},
			{"carer-assessments", "Carer's assessments completed per year", "outcome", "higher", 100, 400, 0, -5, 0.1, 0.3, "Social work information system"},
			{"gp-registers", "GP practices keeping a carers' register", "collaborative_activity", "higher", 0, 10, 0, 0, 0, 0, "CHP survey"},
			{"breaks-cost", "Cost per short break (GBP)", "efficiency", "lower", 150, 400, 0, 5, 0.05, 0.15, "Finance returns"},
		},
		efficiencies: []effTpl{{"Joint carers' information pack replaces three leaflets", 5000, 12000}, {"Fewer care home admissions when carers can continue", 100000, 250000}},
		evidence:     []evidenceTpl{{"census-carers", "quantitative", "Census 2001 carers data"}, {"carers-forum", "qualitative", "Carers' forum discussions"}, {"school-survey", "quantitative", "Survey of schools on young carers"}, {"young-carers-views", "qualitative", "Young carers' group consultation"}},
		actions:      []string{"Carers' register in GP practices", "Young carer named contacts in all schools", "Short breaks programme", "Carers' information pack", "Carers' satisfaction survey"},
		workstreams:  []string{"Identification", "Young carers", "Short breaks"},
		orgs:         []string{"nhs", "chp", "cvs", "college"},
		third:        []thirdOrg{{"Princess Royal Trust for Carers", "prtc", "Carers' centres and information"}, {"Crossroads Caring Scotland", "crossroads", "Breaks for carers"}, {"Barnardo's Scotland", "barnardos", "Young carers services"}},
		leads:        []string{"council", "chp", "third"},
		bodies:       []string{"Carers' Strategy Group", "Young Carers Partnership Group"},
		reports:      []string{"{area} Joint Planning Group", "{cpp} Health and Wellbeing Board", "{council} Social Work Committee"},
		funds:        []fundTpl{{"Carers Information Strategy funding", "pump_priming"}, {"Council carers' budget", "mainstream"}, {"Big Lottery Fund", "pump_priming"}, {"CHP carers' funding", "aligned"}},
		benefits:     []string{"Carers feel recognised by services", "Teachers understand what young carers face"},
		ends:         []string{"Carers' support mainstreamed in the joint carers' strategy"},
		plans:        []string{"The carers' centre is funded through a joint council and NHS grant from 2010", "Partners align carers' budgets when the information strategy funding ends"},
		interests:    []string{"Carers able to keep caring", "Carers identified at GP practices", "Young carers attending school"},
	},
	{
		key: "early-years", service: "Education Services",
		names:    []string{"{area} Early Years Partnership", "{town} Family Support Project", "{area} Parenting Programme"},
		tasks:    []string{"Offer every family in {town} with a child under three a named family support worker when they need one", "Raise the share of children in {area} meeting developmental milestones at age three"},
		whys:     []string{"Health visitors, nurseries and social work see families at different times; a shared plan avoids gaps", "Parenting support works best when health, education and voluntary services use one approach"},
		mandates: []string{"The Early Years Framework (2008) asks partners to shift to prevention", "Child poverty in {town} is twice the {area} average"},
		added:    []string{"enhanced_outcomes", "quality_effectiveness", "mutual_understanding"},
		noGain:   []string{"Child protection investigations stay with social work and police"},
		outcomes: []int{5, 8, 7},
		npf:      []string{"children-and-young-people", "poverty", "education"},
		soa:      []string{"SOA outcome: children have the best start in life", "SOA outcome: vulnerable families are supported"},
		groups: []groupTpl{
			{"Families with children under five", "Families in {town} with a child under five and a health visitor concern", "Family support worker, parenting groups and nursery place", "Children ready for nursery and school"},
			{"Young parents", "Parents under 20 with a child under three", "Parenting programme and links to learning", "Confident parents and healthy children"},
		},
		measures: []measureTpl{
			{"milestones", "Children meeting developmental milestones at age three (%)", "outcome", "higher", 70, 85, 0, -0.5, 0.02, 0.08, "Health visitor reviews"},
			{"parenting-completions", "Parents completing a parenting programme per year", "collaborative_activity", "higher", 0, 80, 0, 0, 0, 0, "Programme registers"},
			{"child-protection-referrals", "Child protection referrals per 1,000 children", "outcome", "lower", 8, 20, 1, 0.3, 0.03, 0.1, "Social work information system"},
			{"cost-per-family", "Cost per family supported (GBP)", "efficiency", "lower", 800, 2000, 0, 20, 0.05, 0.15, "Finance returns"},
		},
		efficiencies: []effTpl{{"One parenting programme across all partners", 15000, 40000}, {"Joint training of health visitors and nursery staff", 8000, 20000}},
		evidence:     []evidenceTpl{{"child-health", "quantitative", "Child health surveillance data"}, {"parents-focus", "qualitative", "Focus groups with parents"}, {"poverty-profile", "quantitative", "Child poverty profile"}, {"practitioner-views", "qualitative", "Practitioner workshops"}},
		actions:      []string{"Shared family support referral route", "Parenting programme launched", "Joint training for health visitors and nursery staff", "Family centre opened", "Evaluation of outcomes for children"},
		workstreams:  []string{"Family support", "Parenting", "Workforce development"},
		orgs:         []string{"nhs", "chp", "cvs", "college", "scra"},
		third:        []thirdOrg{{"Children 1st", "children-1st", "Family support and child protection"}, {"Action for Children Scotland", "action-for-children", "Family centres"}, {"Home-Start {area}", "home-start", "Volunteer family support"}},
		leads:        []string{"council", "nhs"},
		bodies:       []string{"Early Years Steering Group", "Family Support Group"},
		reports:      []string{"{area} Integrated Children's Services Group", "{cpp} Board", "{council} Education Committee"},
		funds:        []fundTpl{{"Changing Children's Services Fund", "pump_priming"}, {"Council early years budget", "mainstream"}, {"NHS {board} child health budget", "aligned"}, {"Big Lottery Fund", "pump_priming"}},
		benefits:     []string{"Parents get one consistent message", "Practitioners across agencies know each other"},
		ends:         []string{"Family support mainstreamed in the integrated children's services plan"},
		plans:        []string{"Family support workers move to the early years mainstream budget in 2010", "Partners realign child health and education budgets to prevention"},
		interests:    []string{"Children ready for school", "Healthier children", "Fewer child protection referrals"},
	},
	{
		key: "homelessness", service: "Housing Services",
		names:    []string{"{area} Homelessness Prevention Partnership", "{area} Housing Options Service", "{town} Tenancy Sustainment Project"},
		tasks:    []string{"Prevent homelessness for households at risk in {area} through housing options advice and tenancy support", "Halve repeat homelessness in {area} by 2010"},
		whys:     []string{"Homelessness has housing, health, debt and addiction causes that no one service can fix", "Landlords, advice services and social work must act before a tenancy fails"},
		mandates: []string{"The 2012 homelessness commitment needs prevention to work in {area}", "Repeat homelessness in {area} is above the Scottish average"},
		added:    []string{"enhanced_outcomes", "efficiency", "critical_mass"},
		noGain:   []string{"Homelessness decisions stay with the council"},
		outcomes: []int{7, 10, 11},
		npf:      []string{"poverty", "communities", "human-rights"},
		soa:      []string{"SOA outcome: fewer people are homeless", "SOA outcome: people sustain their tenancies"},
		groups: []groupTpl{
			{"Households at risk of homelessness", "Households facing eviction, relationship breakdown or leaving institutions", "Housing options advice, mediation and tenancy support", "Homelessness prevented"},
			{"People leaving prison or hospital", "People with no home to go to on release or discharge", "Planned move to a tenancy with support", "Fewer people homeless on release"},
			{"Young people leaving home", "Young people aged 16 to 25 at risk of homelessness", "Family mediation and supported lodgings", "Young people in stable accommodation"},
		},
		measures: []measureTpl{
			{"homeless-applications", "Homeless applications per year", "outcome", "lower", 500, 2500, 0, 30, 0.05, 0.15, "HL1 returns"},
			{"repeat-homelessness", "Repeat homelessness within 12 months (%)", "outcome", "lower", 6, 14, 1, 0.3, 0.1, 0.3, "HL1 returns"},
			{"joint-cases", "Cases with a joint housing and support plan", "collaborative_activity", "higher", 0, 150, 0, 0, 0, 0, "Housing options database"},
			{"temp-accommodation-cost", "Spend on temporary accommodation (GBP thousands)", "efficiency", "lower", 400, 1500, 0, 30, 0.05, 0.2, "Finance returns"},
		},
		efficiencies: []effTpl{{"Less spend on bed and breakfast accommodation", 100000, 300000}, {"Joint tenancy support contract", 30000, 70000}},
		evidence:     []evidenceTpl{{"hl1-analysis", "quantitative", "Analysis of HL1 homelessness returns"}, {"service-user-views", "qualitative", "Interviews with people who were homeless"}, {"arrears-data", "quantitative", "Rent arrears and eviction data from landlords"}, {"agency-workshop", "qualitative", "Multi-agency workshop on prevention"}},
		actions:      []string{"Housing options protocol agreed", "Pre-eviction protocol with landlords", "Prison discharge protocol", "Mediation service launched", "Review of repeat homelessness"},
		workstreams:  []string{"Housing options", "Tenancy sustainment", "Discharge protocols"},
		orgs:         []string{"ha", "nhs", "cab", "cvs", "jcp"},
		third:        []thirdOrg{{"Shelter Scotland", "shelter", "Housing advice and advocacy"}, {"Turning Point Scotland", "turning-point", "Supported accommodation"}, {"Quarriers", "quarriers", "Youth homelessness services"}},
		leads:        []string{"council", "ha"},
		bodies:       []string{"Homelessness Prevention Group", "Housing Options Steering Group"},
		reports:      []string{"{area} Homelessness Strategy Group", "{cpp} Board", "{council} Housing Committee"},
		funds:        []fundTpl{{"Homelessness prevention grant", "pump_priming"}, {"Supporting People", "aligned"}, {"Council housing budget", "mainstream"}, {"Landlords' wider role funding", "pooled"}},
		benefits:     []string{"Landlords refer earlier", "People at risk get one point of contact"},
		ends:         []string{"Prevention approach adopted by all landlords in {area}"},
		plans:        []string{"Savings on temporary accommodation fund the housing options team", "Supporting People funding continues the tenancy support"},
		interests:    []string{"Fewer evictions and lower arrears", "Fewer homeless applications", "Fewer people discharged to no home"},
	},
	{
		key: "shared-services", service: "Corporate Services",
		names:    []string{"{town} Shared Customer Access Point", "{town} Civic Centre Co-location", "{area} Shared Services Project"},
		tasks:    []string{"Open one public access point in {town} shared by the council, NHS and police", "Move council, NHS and police front-line teams in {town} into one building by 2010"},
		whys:     []string{"Each partner needed new premises; one shared building costs less and joins up services", "People use several services on one visit; one access point saves journeys"},
		mandates: []string{"The partners' {town} buildings were at the end of their useful life", "Efficient Government asks public bodies to share assets"},
		added:    []string{"economy_of_scale", "efficiency", "mutual_understanding"},
		noGain:   []string{"Clinical services stay with the NHS", "Operational policing stays with the police"},
		outcomes: []int{10, 15},
		npf:      []string{"communities", "economy"},
		soa:      []string{"SOA outcome: efficient, joined-up public services", "SOA outcome: services are accessible locally"},
		groups: []groupTpl{
			{"Residents using public services in {town}", "People contacting the council, NHS or police in person in {town}", "One public reception and customer service centre", "Enquiries resolved at the first point of contact"},
			{"Benefit and housing customers", "People claiming housing or council tax benefit", "Benefit and housing advice in one place", "Faster claims and fewer repeat visits"},
		},
		measures: []measureTpl{
			{"first-contact", "Enquiries resolved at first contact (%)", "outcome", "higher", 60, 75, 0, -0.5, 0.05, 0.15, "Customer service system"},
			{"running-cost", "Annual running cost of front-line buildings (GBP thousands)", "efficiency", "lower", 600, 1800, 0, 15, 0.02, 0.15, "Property accounts"},
			{"shared-rooms", "Interview rooms booked by two or more partners (%)", "collaborative_activity", "higher", 0, 10, 0, 0, 0, 0, "Room booking system"},
			{"satisfaction", "Customers satisfied with the service (%)", "outcome", "higher", 70, 85, 0, -0.5, 0.03, 0.08, "Customer survey"},
		},
		efficiencies: []effTpl{{"One building instead of three", 1500000, 5000000}, {"Shared reception and facilities management", 80000, 150000}},
		evidence:     []evidenceTpl{{"condition-survey", "quantitative", "Condition surveys of the partners' buildings"}, {"user-workshops", "qualitative", "Workshops with service users and staff"}, {"footfall", "quantitative", "Footfall counts at existing offices"}, {"staff-consultation", "qualitative", "Staff consultation on co-location"}},
		actions:      []string{"Business case agreed by all partners", "Site start", "Practical completion", "Shared ICT network", "Partners move in"},
		workstreams:  []string{"Building", "ICT", "Customer service design"},
		orgs:         []string{"nhs", "police", "scs", "jcp"},
		third:        []thirdOrg{{"Citizens Advice Scotland", "cas", "Advice services"}},
		leads:        []string{"council"},
		bodies:       []string{"Project Board", "Co-location Programme Board"},
		reports:      []string{"{council} Executive", "{cpp} Board", "{council} Policy and Resources Committee"},
		funds:        []fundTpl{{"Council capital programme", "mainstream"}, {"NHS {board} capital budget", "mainstream"}, {"Police capital budget", "mainstream"}, {"Efficient Government fund", "pump_priming"}},
		benefits:     []string{"Closer day-to-day working between partners' staff", "A better environment for customers and staff"},
		ends:         []string{"Building occupied and the defects period closed", "All partners moved in and the service charge agreed"},
		plans:        []string{"Running costs shared by floor area under the occupiers' agreement", "Partners meet running costs from mainstream budgets"},
		interests:    []string{"Lower property costs", "Better public access", "A modern base for front-line staff"},
	},
	{
		key: "fuel-poverty", service: "Housing Services",
		names:    []string{"{area} Warm Homes Partnership", "{area} Energy Advice and Insulation Project", "{town} Fuel Poverty Project"},
		tasks:    []string{"Insulate 2,000 homes of households in fuel poverty in {area} by 2010", "Give every older or disabled householder in {town} free energy advice and insulation"},
		whys:     []string{"Energy company funding, council grants and advice services are only effective when delivered together", "Referrals from health and social care reach households that never ask for help"},
		mandates: []string{"The Scottish House Condition Survey shows high fuel poverty in {area}", "The Scottish Fuel Poverty Statement commits partners to ending fuel poverty"},
		added:    []string{"economy_of_scale", "enhanced_outcomes", "efficiency"},
		noGain:   []string{"Energy tariffs stay with suppliers"},
		outcomes: []int{7, 12, 14},
		npf:      []string{"poverty", "environment", "health"},
		soa:      []string{"SOA outcome: fewer households in fuel poverty", "SOA outcome: lower carbon emissions from housing"},
		groups: []groupTpl{
			{"Households in fuel poverty", "Households spending more than 10% of income on fuel", "Free insulation, heating checks and benefit advice", "Warmer homes and lower bills"},
			{"Older and disabled householders", "Householders aged 60+ or disabled on qualifying benefits", "Central heating and insulation through a single referral", "Fewer cold-related illnesses"},
		},
		measures: []measureTpl{
			{"homes-insulated", "Homes insulated per year", "outcome", "higher", 200, 800, 0, -10, 0.1, 0.3, "Installer returns"},
			{"fuel-poverty-rate", "Households in fuel poverty (%)", "outcome", "lower", 20, 35, 0, 0.5, 0.03, 0.1, "Scottish House Condition Survey"},
			{"cross-referrals", "Referrals from health and social care staff", "collaborative_activity", "higher", 0, 100, 0, 0, 0, 0, "Referral log"},
			{"cost-per-home", "Cost per home insulated (GBP)", "efficiency", "lower", 300, 700, 0, 5, 0.05, 0.2, "Finance returns"},
		},
		efficiencies: []effTpl{{"Area-based installation contract", 50000, 150000}, {"One referral route for all schemes", 10000, 25000}},
		evidence:     []evidenceTpl{{"shcs", "quantitative", "Scottish House Condition Survey local results"}, {"householder-views", "qualitative", "Interviews with householders after installation"}, {"benefit-take-up", "quantitative", "Benefit take-up check results"}, {"installer-feedback", "qualitative", "Installer and advice worker feedback"}},
		actions:      []string{"Area-based insulation contract let", "Referral route from health and social care", "Benefit checks with every installation", "Door-to-door campaign in {town}", "Review of fuel poverty rates"},
		workstreams:  []string{"Insulation programme", "Advice and referrals"},
		orgs:         []string{"energy", "ha", "cab", "nhs", "cc"},
		third:        []thirdOrg{{"Energy Action Scotland", "eas", "Fuel poverty campaigning and advice"}, {"Changeworks", "changeworks", "Energy advice and home insulation"}},
		leads:        []string{"council", "ha"},
		bodies:       []string{"Warm Homes Steering Group", "Fuel Poverty Group"},
		reports:      []string{"{area} Housing Partnership", "{cpp} Board", "{council} Housing Committee"},
		funds:        []fundTpl{{"Energy Efficiency Commitment", "aligned"}, {"Council private sector housing grant", "mainstream"}, {"Scottish Government energy assistance", "pump_priming"}},
		benefits:     []string{"Households get benefit checks as well as insulation", "Health staff know how to refer"},
		ends:         []string{"All qualifying homes offered insulation"},
		plans:        []string{"Energy company obligations continue to fund insulation after the grant", "Council private sector housing grant continues the advice service"},
		interests:    []string{"Obligations met efficiently", "Warmer tenants with fewer arrears", "Fewer cold-related admissions"},
	},
	{
		key: "domestic-abuse", service: "Social Work Services",
		names:    []string{"{area} Violence Against Women Partnership", "{area} Domestic Abuse Partnership", "{town} Domestic Abuse Court Support Project"},
		tasks:    []string{"Reduce repeat incidents of domestic abuse in {area} through joint risk assessment and advocacy", "Offer every high-risk victim of domestic abuse in {area} an independent advocate within 48 hours"},
		whys:     []string{"Police, courts, housing and women's services each see part of the risk; only together can they manage it", "Victims otherwise tell their story to five agencies"},
		mandates: []string{"Domestic abuse incidents recorded in {area} rose every year since 2003", "The national domestic abuse strategy asks for multi-agency risk assessment"},
		added:    []string{"enhanced_outcomes", "mutual_understanding", "quality_effectiveness"},
		noGain:   []string{"Prosecution decisions stay with the Procurator Fiscal"},
		outcomes: []int{8, 9, 11},
		npf:      []string{"human-rights", "communities", "children-and-young-people"},
		soa:      []string{"SOA outcome: women and children are safe from abuse", "SOA outcome: fewer repeat victims"},
		groups: []groupTpl{
			{"Women and children experiencing domestic abuse", "Women and their children at risk of harm from a partner or ex-partner", "Independent advocacy, safety planning and refuge places", "Fewer repeat incidents and safer families"},
			{"High-risk victims of domestic abuse", "Victims assessed as high risk on the shared risk checklist", "Multi-agency risk assessment conference and advocate", "Risk reduced and no further serious harm"},
		},
		measures: []measureTpl{
			{"repeat-incidents", "Repeat domestic abuse incidents within 12 months (%)", "outcome", "lower", 30, 45, 0, 1, 0.05, 0.2, "Police domestic abuse database"},
			{"marac-cases", "Cases heard at the multi-agency risk conference", "collaborative_activity", "higher", 0, 120, 0, 0, 0, 0, "Conference minutes"},
			{"advocacy-contacts", "High-risk victims contacted by an advocate within 48 hours (%)", "outcome", "higher", 30, 60, 0, -1, 0.1, 0.3, "Advocacy service records"},
			{"refuge-cost", "Cost per refuge placement (GBP)", "efficiency", "lower", 2000, 5000, 0, 40, 0.03, 0.1, "Finance returns"},
		},
		efficiencies: []effTpl{{"One shared risk assessment instead of several", 10000, 30000}},
		evidence:     []evidenceTpl{{"incident-data", "quantitative", "Police domestic abuse incident data"}, {"survivors-views", "qualitative", "Consultation with survivors through Women's Aid"}, {"court-outcomes", "quantitative", "Court outcomes for domestic abuse cases"}, {"practitioners", "qualitative", "Practitioners' forum on risk assessment"}},
		actions:      []string{"Shared risk checklist adopted", "Multi-agency risk conference running", "Independent advocates in post", "Information sharing protocol signed", "Evaluation with survivors"},
		workstreams:  []string{"Risk assessment", "Advocacy", "Prevention and education"},
		orgs:         []string{"police", "nhs", "ha", "copfs", "scra"},
		third:        []thirdOrg{{"{area} Women's Aid", "womens-aid", "Refuge and outreach for women and children"}, {"ASSIST", "assist", "Advocacy for victims of domestic abuse"}, {"Victim Support Scotland", "victim-support", "Support for victims of crime"}},
		leads:        []string{"council", "police", "third"},
		bodies:       []string{"Violence Against Women Partnership", "Domestic Abuse Steering Group"},
		reports:      []string{"{area} Community Safety Partnership", "{area} Chief Officers' Group", "{cpp} Board"},
		funds:        []fundTpl{{"Violence Against Women Fund", "pump_priming"}, {"Council social work budget", "mainstream"}, {"Police divisional budget", "aligned"}},
		benefits:     []string{"Victims tell their story once", "Agencies share risk information quickly"},
		ends:         []string{"Risk conference and advocacy mainstreamed by the partners"},
		plans:        []string{"Advocacy moves to joint council and police funding from 2010", "Partners align budgets for the risk conference"},
		interests:    []string{"Fewer repeat calls", "Safer tenancies", "Children safer"},
	},
	{
		key: "physical-activity", service: "Cultural and Leisure Services",
		names:    []string{"{area} Active Communities Partnership", "{area} Physical Activity and Health Alliance", "{town} Walking for Health Project"},
		tasks:    []string{"Raise the share of {area} adults meeting physical activity guidelines by five points by 2011", "Offer a free 12-week activity programme to every inactive adult referred by a GP in {town}"},
		whys:     []string{"GPs can refer but leisure, parks and voluntary clubs provide the activity", "Inactive people need health, leisure and community services working to one plan"},
		mandates: []string{"Let's Make Scotland More Active sets national targets for activity", "Only a third of {area} adults meet the activity guidelines"},
		added:    []string{"enhanced_outcomes", "economy_of_scale", "mutual_understanding"},
		noGain:   []string{"Elite sport development stays with sportscotland"},
		outcomes: []int{6, 11, 12},
		npf:      []string{"health", "environment"},
		soa:      []string{"SOA outcome: people are more active", "SOA outcome: healthier lifestyles"},
		groups: []groupTpl{
			{"Inactive adults", "Adults who do less than 30 minutes of activity a week", "Exercise referral, walking groups and subsidised leisure", "More adults active for 30 minutes on five days a week"},
			{"Adults with long-term conditions", "Adults with heart disease, diabetes or depression referred by a GP", "Supervised 12-week activity programme", "Better health and continued activity"},
		},
		measures: []measureTpl{
			{"active-adults", "Adults meeting the physical activity guidelines (%)", "outcome", "higher", 30, 42, 0, -0.3, 0.03, 0.1, "Scottish Household Survey"},
			{"referrals-completed", "Exercise referrals completing 12 weeks", "collaborative_activity", "higher", 0, 150, 0, 0, 0, 0, "Referral database"},
			{"walk-leaders", "Volunteer walk leaders trained", "collaborative_activity", "higher", 0, 20, 0, 0, 0, 0, ""},
			{"cost-per-participant", "Cost per programme participant (GBP)", "efficiency", "lower", 60, 150, 0, 2, 0.05, 0.2, "Finance returns"},
		},
		efficiencies: []effTpl{{"Shared use of leisure, school and NHS facilities", 20000, 60000}},
		evidence:     []evidenceTpl{{"household-survey", "quantitative", "Scottish Household Survey activity results"}, {"participant-views", "qualitative", "Participant feedback from walking groups"}, {"referral-audit", "quantitative", "Audit of exercise referrals"}, {"gp-interviews", "qualitative", "Interviews with GPs about referral"}},
		actions:      []string{"Exercise referral scheme in all GP practices", "Walking routes mapped in every town", "Walk leader training", "Subsidised leisure pass launched", "Review of the referral scheme"},
		workstreams:  []string{"Exercise referral", "Walking and outdoor activity"},
		orgs:         []string{"nhs", "leisure", "cvs", "chp"},
		third:        []thirdOrg{{"Paths for All", "paths-for-all", "Walking for health"}, {"sportscotland", "sportscotland", "National agency for sport"}},
		leads:        []string{"council", "nhs", "leisure"},
		bodies:       []string{"Active Communities Steering Group", "Physical Activity Alliance"},
		reports:      []string{"{cpp} Health Improvement Group", "{cpp} Board", "{council} Leisure Committee"},
		funds:        []fundTpl{{"Health improvement fund", "pump_priming"}, {"Council leisure budget", "mainstream"}, {"NHS {board} health improvement budget", "aligned"}},
		benefits:     []string{"People feel better and more connected", "GPs and leisure staff work together"},
		ends:         []string{"Exercise referral funded in the mainstream leisure contract"},
		plans:        []string{"The leisure trust funds the scheme within its management fee from 2010", "Partners align health improvement budgets when the fund ends"},
		interests:    []string{"Healthier population", "More leisure users", "Volunteers recruited"},
	},
}

var firstNames = []string{
	"Morag", "Alison", "Fiona", "Catriona", "Eilidh", "Kirsty", "Mairi", "Shona", "Elaine", "Karen",
	"Lorna", "Margaret", "Heather", "Gillian", "Isla", "Jennifer", "Sheena", "Ailsa", "Rhona", "Pauline",
	"Ann", "Moira", "Linda", "Jacqueline", "Lesley", "Carol", "Susan", "Janice", "Nicola", "Joyce",
	"Iain", "Alasdair", "Douglas", "Graeme", "Kenneth", "Stuart", "Calum", "Ewan", "Fraser", "Hamish",
	"Neil", "Angus", "Gordon", "Malcolm", "Andrew", "Colin", "David", "Duncan", "Gavin", "Keith",
	"Robert", "William", "James", "John", "Alan", "Brian", "Craig", "Derek", "Euan", "Murdo",
	"Scott", "Ross", "Lewis", "Ruaridh", "Campbell", "Alistair", "Martin", "Peter", "Tom", "Gary",
}

var surnames = []string{
	"Kerr", "Reid", "Chalmers", "MacDonald", "Campbell", "Stewart", "Robertson", "Thomson", "Anderson", "Scott",
	"Murray", "MacLeod", "Paterson", "Ross", "Young", "Mitchell", "Watson", "Morrison", "Fraser", "Hamilton",
	"Graham", "Wilson", "Brown", "Taylor", "Smith", "Clark", "Johnston", "Henderson", "Cameron", "Gray",
	"Sinclair", "Bell", "Wallace", "Gordon", "Ferguson", "Duncan", "Hunter", "Kennedy", "Munro", "Crawford",
	"MacKenzie", "MacKay", "McLean", "Grant", "Forbes", "Milne", "Ritchie", "Burns", "Docherty", "Gallacher",
	"McIntyre", "Sutherland", "Boyle", "Donaldson", "Lindsay", "Shaw", "Buchanan", "Drummond", "Lamont", "Urquhart",
	"Rennie", "Baird", "Findlay", "Hogg", "Inglis", "Jamieson", "Laing", "McAllister", "Nicol", "Ogilvie",
	"Pollock", "Quinn", "Rankin", "Sharp", "Tait", "Weir", "Aitken", "Barclay", "Cowan", "Dickson",
}

var frequencies = []string{"monthly", "six_weekly", "quarterly", "quarterly", "six_monthly", "fortnightly"}

var engagementMethods = []string{"forum", "survey", "focus_group", "panel", "consultation", "other"}

// orgInterests are what each kind of organisation gains from the shared
// work: its own stake in the outcome (partners[].interest), which the study
// found drives collaboration through "synergy through interdependence and
// self interest".
var orgInterests = map[string][]string{
	"council":    {"Meeting its {service} priorities in {area} with less duplication", "Lower demand on {service} in the long run", "Delivering its Single Outcome Agreement commitments"},
	"nhs":        {"Fewer emergency admissions and bed days", "Meeting its HEAT targets in {area}", "Narrowing health inequalities in {area}"},
	"chp":        {"Fewer avoidable admissions from {area}", "Community staff working to one plan with social work"},
	"police":     {"Fewer calls and less repeat demand in {area}", "Less crime and disorder in {town}"},
	"fire":       {"Fewer dwelling fires and fire casualties", "Reaching the households most at risk of fire"},
	"cvs":        {"A stronger role for voluntary organisations in {area}", "More volunteers recruited and supported"},
	"ha":         {"Tenancies sustained and fewer arrears", "Tenants able to stay in their homes"},
	"college":    {"More learners from {area} progressing", "Full courses and retained students"},
	"jcp":        {"Fewer people on out-of-work benefits in {area}", "Meeting its job entry targets"},
	"careers":    {"More school leavers in positive destinations", "Key workers reaching the young people most at risk"},
	"enterprise": {"A better skilled local workforce", "Businesses able to recruit locally"},
	"commscot":   {"Regeneration funding that delivers lasting change", "Communities able to shape local services"},
	"adat":       {"Its alcohol and drug strategy delivered in {area}", "Services commissioned on evidence of what works"},
	"scra":       {"Fewer children referred to the Reporter", "Earlier help for children before a hearing is needed"},
	"copfs":      {"Faster and better prepared prosecutions", "Victims and witnesses better supported"},
	"scs":        {"Court business handled more efficiently", "Fewer adjourned cases"},
	"leisure":    {"More people using its facilities", "Reaching people who do not use leisure centres"},
	"cab":        {"Clients reached before problems become crises", "Advice reaching people who never ask for it"},
	"cc":         {"Residents' concerns heard and acted on", "A say for {town} in local services"},
	"tenants":    {"Tenants' views shaping services", "Safer and better estates for tenants"},
	"trade":      {"A safer trading environment", "Fewer incidents at licensed premises"},
	"chamber":    {"Local businesses able to recruit", "A thriving town centre economy"},
	"energy":     {"Its energy efficiency obligations met at lower cost", "Customers able to pay their bills"},
	"sepa":       {"Fewer environmental offences", "Waste regulation that reaches the right places"},
}

// thirdInterests are the stakes of the themes' own voluntary organisations.
var thirdInterests = []string{
	"Better support for the people it works with",
	"Its users' voice heard in how services are planned",
	"Sustained funding for its services in {area}",
	"Reaching people who do not come forward for help",
}

// riskTpl is a risk to the shared work and how it is mitigated; owner says
// who usually manages it: "lead" the lead partner, "any" any core partner.
type riskTpl struct{ risk, mitigation, owner string }

// risks are the usual risks to shared work in the study's case studies.
var risks = []riskTpl{
	{"Pump-priming funding ends before mainstream funding is agreed", "Exit strategy agreed with partners' finance directors a year before the grant ends", "lead"},
	{"Staff seconded by partners are withdrawn to cover front-line pressures", "Secondment agreements signed for the life of the project", "any"},
	{"Partners cannot share client information lawfully", "Information sharing protocol signed by every partner's data controller", "any"},
	{"Referrals are lower than planned", "Monthly referral figures reviewed by the group, with publicity through GP practices and schools", "any"},
	{"Partners' priorities change after budget settlements", "Commitments reviewed each year at the {body} before budgets are set", "lead"},
	{"The client group does not take up the service", "Sessions designed with the client group and outreach through voluntary organisations", "any"},
	{"Key posts stay vacant", "Joint recruitment with cover arranged between partners", "any"},
	{"The benefits of working together cannot be shown to the board", "Baseline and targets agreed at the outset and reported every quarter", "lead"},
	{"Staff of different partners work to different procedures", "Joint training and one shared procedure manual", "any"},
}

// disseminations say how lessons will be shared (learning.dissemination).
var disseminations = []string{
	"Annual report to the {cpp} Board and a case study for the Improvement Service's good practice network",
	"Lessons shared through the {area} partnership officers' network and a learning event each year",
	"Findings presented to every partner's management team and published on the {cpp} website",
	"A learning note after each review, shared with the other {service} partnerships in {area}",
	"Presentation at the national {service} practitioners' conference and a short guide for other areas",
}

// evaluations say how the partnership reflects on its own working
// (learning.evaluation).
var evaluations = []string{
	"A self-assessment of how the partners work together at the end of each year",
	"Independent evaluation at the end of the second year, with a workshop for staff of all partners",
	"Six-monthly reflection session of the {body}, with views of the client group",
	"Review of the first year against the baseline, led by the monitoring owner",
}

// genericTasks are tasks that read as a wide-ranging agenda: each holds a
// phrase of specific-task's wide_agenda_phrases.
var genericTasks = []string{
	"Improve health and wellbeing for all older people in {area}",
	"Improve outcomes for children and families across {area} through joint working",
	"Work together to improve the quality of life of residents in {area}",
	"Deliver better outcomes for local people through partnership working",
	"Promote health improvement and joined-up working across {area}",
}

// shortTasks have fewer than six words.
var shortTasks = []string{"Reduce demand on services", "Service redesign pilot", "Early intervention and prevention", "A shared approach to prevention", "Tackle local priorities"}

// shortWhys have fewer than eight words.
var shortWhys = []string{"Nobody can do this alone", "Better together", "Partners share the same clients", "It avoids duplication between agencies", "Required by the Scottish Executive", "It makes sense to share resources"}

// genericGroups are client group names that name nobody in particular: each
// folds to an entry of client-groups-defined's generic_client_groups.
var genericGroups = []string{"Everyone", "All residents", "Residents", "The public", "General public", "The community", "Communities", "All citizens", "Service users", "Customers", "All ages", "All people"}

// vagueDefinitions are client group definitions of fewer than three words.
var vagueDefinitions = []string{"Older people", "Local residents", "Young people", "As referred", "Anyone eligible", "Families"}

// unknownFrameworks are outcome framework names cgcheck does not know.
var unknownFrameworks = []string{"shanarri", "sdg", "npf2018", "national-outcomes", "hwb-outcomes", "ncof"}

// badNPFRefs are refs the National Performance Framework does not define.
var badNPFRefs = []string{"wellbeing", "health-and-wellbeing", "children", "safer-communities", "older-people", "employment"}
