//! The languages corpus (`tests/corpus/lang.jsonl`, described in
//! `tests/corpus/lang.md`): real strings from products' own locale files, in
//! eleven languages besides English. Every entry is put in three realistic
//! pages of its own language (login form, MFA step, error page, each with the
//! page's `lang` attribute), and once more as bare text with no `lang` at all
//! (the language must then be found from the text). Prints macro-F1 and
//! safe-code capture per language, and asserts macro-F1 >= 0.95 in each.

// Test code: a panic is a failed check.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;

use serde_json::{json, Value};

mod in_process;
use in_process::diagnose;

mod lang_pages;
use lang_pages::{chrome, macro_f1, pages, predicted};

fn enc(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                o.push(b as char)
            }
            _ => o.push_str(&format!("%{b:02X}")),
        }
    }
    o
}

/// The held-out rounds: products new to the corpus, each measured before any
/// lexicon change made from them (`tests/corpus/lang.md`). Round 1 is
/// `heldout-3` (Gitea/Forgejo, third session), round 2 `heldout-4` (Casdoor,
/// Nextcloud twofactor_gateway), round 3 `heldout-5` (Nextcloud server core),
/// round 4 `heldout-6` (Clerk, Mastodon, authentik), round 5 `heldout-7`
/// (Symfony, Matomo, Roundcube, Odoo, Home Assistant, django-otp, Amplify UI),
/// round 6 `heldout-8` (OpenProject, Redmine, SOGo, Ghost, Jans, Outline),
/// round 7 `heldout-9` (mailcow, NodeBB, Hanko, Authgear, AFFiNE and others),
/// round 8 `heldout-10` (Grav, FusionAuth, Chatwoot, LobeChat), round 9
/// `heldout-11` (Directus, Wiki.js 1.x, Cal.com, Passbolt, Sentry),
/// round 10 `heldout-12` (ownCloud, Rauthy, Zulip, Tiny Tiny RSS, miniOrange),
/// round 11 `heldout-13` (Mattermost, Sentry, pretix), round 12 `heldout-14`
/// (Bludit, Grafana, Bitwarden web vault, RainLoop, WordPress Two Factor,
/// scheb/2fa, FreshRSS), round 13 `heldout-15` (Discourse, Rocket.Chat), round
/// 14 `heldout-16` (EspoCRM, Shopware storefront, phpMyAdmin, Superset, Proton
/// iOS login UI), round 15 `heldout-17` (MediaWiki core, OATHAuth, EmailAuth),
/// round 16 `heldout-18` (Frappe/ERPNext, Znuny, Dolibarr), round 17
/// `heldout-19` (SimpleSAMLphp, LemonLDAP::NG portal), round 18 `heldout-20`
/// (Apereo CAS, Apache Guacamole), round 19 `heldout-21` (Shibboleth IdP,
/// ESUP-OTP Shibboleth plugin), round 20 `heldout-22` (Penpot, Immich), round
/// 21 `heldout-23` (Contao, Craft CMS, Kirby), round 22 `heldout-24` (Tuta,
/// HumHub two-factor module, WSO2 Identity Server); rounds 4 to 22 in files of
/// their own, see `HELD_OUT_ONLY`.
const HELDOUT: &[&str] = &[
    "heldout-3",
    "heldout-4",
    "heldout-5",
    "heldout-6",
    "heldout-7",
    "heldout-8",
    "heldout-9",
    "heldout-10",
    "heldout-11",
    "heldout-12",
    "heldout-13",
    "heldout-14",
    "heldout-15",
    "heldout-16",
    "heldout-17",
    "heldout-18",
    "heldout-19",
    "heldout-20",
    "heldout-21",
    "heldout-22",
    "heldout-23",
    "heldout-24",
    "heldout-25",
    "heldout-26",
    "heldout-27",
    "heldout-28",
    "heldout-29",
    "heldout-30",
    "heldout-31",
    "heldout-32",
    "heldout-33",
    "heldout-34",
    "heldout-35",
    "heldout-36",
    "heldout-37",
    "heldout-38",
    "heldout-39",
    "heldout-40",
    "heldout-41",
    "heldout-42",
    "heldout-43",
    "heldout-44",
    "heldout-45",
    "heldout-46",
    "heldout-47",
    "heldout-48",
    "heldout-49",
    "heldout-50",
    "heldout-51",
    "heldout-52",
    "heldout-53",
    "heldout-54",
    "heldout-55",
    "heldout-56",
    "heldout-57",
    "heldout-58",
    "heldout-59",
    "heldout-60",
    "heldout-61",
    "heldout-62",
    "heldout-63",
    "heldout-64",
    "heldout-65",
    "heldout-66",
    "heldout-67",
    "heldout-68",
    "heldout-69",
    "heldout-70",
    "heldout-71",
    "heldout-72",
    "heldout-73",
    "heldout-74",
    "heldout-75",
    "heldout-78",
    "heldout-79",
    "heldout-80",
    "heldout-81",
    "heldout-82",
    "heldout-83",
    "heldout-76",
    "heldout-77",
    "heldout-84",
    "heldout-85",
    "heldout-86",
    "heldout-87",
    "heldout-88",
    "heldout-89",
    "heldout-90",
    "heldout-91",
    "heldout-96",
    "heldout-97",
    "heldout-100",
    "heldout-102",
    "heldout-101",
    "heldout-103",
    "heldout-98",
    "heldout-99",
    "heldout-104",
    "heldout-105",
    "heldout-106",
    "heldout-107",
    "heldout-108",
    "heldout-109",
    "heldout-110",
    "heldout-111",
    "heldout-112",
    "heldout-113",
    "heldout-114",
    "heldout-116",
    "heldout-117",
    "heldout-118",
    "heldout-119",
    "heldout-120",
    "heldout-121",
    "heldout-122",
    "heldout-123",
    "heldout-124",
    "heldout-125",
    "heldout-127",
    "heldout-129",
    "heldout-130",
    "heldout-128",
    "heldout-126",
    "heldout-131",
    "heldout-132",
    "heldout-133",
    "heldout-134",
    "heldout-135",
    "heldout-136",
    "heldout-137",
    "heldout-138",
    "heldout-139",
    "heldout-140",
    "heldout-141",
    "heldout-142",
    "heldout-143",
    "heldout-144",
    "heldout-145",
    "heldout-146",
    "heldout-147",
    "heldout-148",
    "heldout-149",
    "heldout-150",
    "heldout-151",
    "heldout-152",
    "heldout-153",
    "heldout-154",
    "heldout-155",
    "heldout-156",
    "heldout-157",
    "heldout-158",
    "heldout-159",
    "heldout-160",
    "heldout-161",
    "heldout-162",
    "heldout-163",
    "heldout-164",
    "heldout-165",
    "heldout-166",
    "heldout-167",
    "heldout-168",
    "heldout-169",
    "heldout-170",
    "heldout-171",
    "heldout-172",
    "heldout-173",
    "heldout-174",
    "heldout-175",
    "heldout-176",
    "heldout-177",
    "heldout-178",
    "heldout-179",
    "heldout-180",
    "heldout-182",
    "heldout-183",
    "heldout-184",
    "heldout-185",
    "heldout-186",
    "heldout-181",
    "heldout-187",
    "heldout-188",
    "heldout-189",
    "heldout-190",
    "heldout-191",
    "heldout-192",
    "heldout-193",
    "heldout-194",
    "heldout-195",
    "heldout-196",
    "heldout-197",
    "heldout-198",
    "heldout-199",
    "heldout-200",
    "heldout-201",
    "heldout-202",
    "heldout-203",
    "heldout-204",
    "heldout-205",
    "heldout-206",
    "heldout-207",
    "heldout-208",
    "heldout-209",
    "heldout-210",
    "heldout-211",
    "heldout-212",
    "heldout-213",
    "heldout-214",
    "heldout-215",
    "heldout-216",
    "heldout-217",
    "heldout-218",
    "heldout-219",
    "heldout-220",
    "heldout-221",
    "heldout-222",
    "heldout-223",
    "heldout-224",
    "heldout-225",
    "heldout-226",
    "heldout-227",
    "heldout-228",
    "heldout-229",
    "heldout-230",
    "heldout-231",
    "heldout-232",
    "heldout-233",
    "heldout-234",
    "heldout-235",
    "heldout-236",
    "heldout-237",
    "heldout-238",
    "heldout-239",
    "heldout-240",
    "heldout-241",
    "heldout-242",
];

/// Held-out sets kept out of the whole-corpus table and the 0.95 assertion
/// (`tests/corpus/lang-heldout6.jsonl`, round 4; `lang-heldout7.jsonl`, round
/// 5; `lang-heldout8.jsonl`, round 6; `lang-heldout9.jsonl`, round 7;
/// `lang-heldout10.jsonl`, round 8; `lang-heldout11.jsonl`, round 9;
/// `lang-heldout12.jsonl`, round 10; `lang-heldout13.jsonl`, round 11;
/// `lang-heldout14.jsonl`, round 12; `lang-heldout15.jsonl`, round 13;
/// `lang-heldout16.jsonl`, round 14; `lang-heldout17.jsonl`, round 15;
/// `lang-heldout18.jsonl`, round 16; `lang-heldout19.jsonl`, round 17;
/// `lang-heldout20.jsonl`, round 18; `lang-heldout21.jsonl`, round 19;
/// `lang-heldout22.jsonl`, round 20; `lang-heldout23.jsonl`, round 21;
/// `lang-heldout24.jsonl`, round 22;
/// `lang-heldout25.jsonl`, round 23;
/// `lang-heldout26.jsonl`, round 24;
/// `lang-heldout27.jsonl`, round 25;
/// `lang-heldout28.jsonl`, round 26;
/// `lang-heldout29.jsonl`, round 27;
/// `lang-heldout30.jsonl`, round 28;
/// `lang-heldout31.jsonl`, round 29;
/// `lang-heldout32.jsonl`, round 30;
/// `lang-heldout33.jsonl`, round 31;
/// `lang-heldout34.jsonl`, round 32;
/// `lang-heldout35.jsonl`, round 33;
/// `lang-heldout36.jsonl`, round 34;
/// `lang-heldout37.jsonl`, round 35;
/// `lang-heldout38.jsonl`, round 36;
/// `lang-heldout39.jsonl`, round 37;
/// `lang-heldout40.jsonl`, round 38;
/// `lang-heldout41.jsonl`, round 39;
/// `lang-heldout42.jsonl`, round 40;
/// `lang-heldout43.jsonl`, round 41;
/// `lang-heldout44.jsonl`, round 42;
/// `lang-heldout45.jsonl`, round 43;
/// `lang-heldout46.jsonl`, round 44;
/// `lang-heldout47.jsonl`, round 45;
/// `lang-heldout48.jsonl`, round 46;
/// `lang-heldout49.jsonl`, round 47;
/// `lang-heldout50.jsonl`, round 48;
/// `lang-heldout51.jsonl`, round 49;
/// `lang-heldout52.jsonl`, round 50;
/// `lang-heldout53.jsonl`, round 51;
/// `lang-heldout54.jsonl`, round 52;
/// `lang-heldout55.jsonl`, round 53;
/// `lang-heldout56.jsonl`, round 54;
/// `lang-heldout57.jsonl`, round 55;
/// `lang-heldout58.jsonl`, round 56;
/// `lang-heldout59.jsonl`, round 57;
/// `lang-heldout60.jsonl`, round 58;
/// `lang-heldout61.jsonl`, round 59;
/// `lang-heldout62.jsonl`, round 60;
/// `lang-heldout63.jsonl`, round 61;
/// `lang-heldout64.jsonl`, round 62;
/// `lang-heldout65.jsonl`, round 63;
/// `lang-heldout66.jsonl`, round 64;
/// `lang-heldout67.jsonl`, round 65;
/// `lang-heldout68.jsonl`, round 66;
/// `lang-heldout69.jsonl`, round 67;
/// `lang-heldout70.jsonl`, round 68;
/// `lang-heldout71.jsonl`, round 69;
/// `lang-heldout72.jsonl`, round 70;
/// `lang-heldout73.jsonl`, round 71;
/// `lang-heldout74.jsonl`, round 72;
/// `lang-heldout75.jsonl`, round 73;
/// `lang-heldout78.jsonl`, round 76;
/// `lang-heldout79.jsonl`, round 77;
/// `lang-heldout80.jsonl`, round 78;
/// `lang-heldout81.jsonl`, round 79;
/// `lang-heldout82.jsonl`, round 80;
/// `lang-heldout83.jsonl`, round 81;
/// `lang-heldout76.jsonl`, round 74;
/// `lang-heldout77.jsonl`, round 75;
/// `lang-heldout84.jsonl`, round 82;
/// `lang-heldout85.jsonl`, round 83;
/// `lang-heldout86.jsonl`, round 84;
/// `lang-heldout87.jsonl`, round 85;
/// `lang-heldout88.jsonl`, round 86;
/// `lang-heldout89.jsonl`, round 87;
/// `lang-heldout90.jsonl`, round 88;
/// `lang-heldout91.jsonl`, round 89;
/// `lang-heldout96.jsonl`, round 94;
/// `lang-heldout97.jsonl`, round 95;
/// `lang-heldout100.jsonl`, round 98;
/// `lang-heldout102.jsonl`, round 100;
/// `lang-heldout101.jsonl`, round 99;
/// `lang-heldout103.jsonl`, round 101;
/// `lang-heldout98.jsonl`, round 96;
/// `lang-heldout99.jsonl`, round 97;
/// `lang-heldout104.jsonl`, round 102;
/// `lang-heldout105.jsonl`, round 103;
/// `lang-heldout106.jsonl`, round 104;
/// `lang-heldout107.jsonl`, round 105;
/// `lang-heldout108.jsonl`, round 106;
/// `lang-heldout109.jsonl`, round 107;
/// `lang-heldout110.jsonl`, round 108;
/// `lang-heldout111.jsonl`, round 109;
/// `lang-heldout112.jsonl`, round 110;
/// `lang-heldout113.jsonl`, round 111;
/// `lang-heldout114.jsonl`, round 112;
/// `lang-heldout116.jsonl`, round 114;
/// `lang-heldout117.jsonl`, round 115;
/// `lang-heldout118.jsonl`, round 116;
/// `lang-heldout119.jsonl`, round 117;
/// `lang-heldout120.jsonl`, round 118;
/// `lang-heldout121.jsonl`, round 119;
/// `lang-heldout122.jsonl`, round 120;
/// `lang-heldout123.jsonl`, round 121;
/// `lang-heldout124.jsonl`, round 122;
/// `lang-heldout125.jsonl`, round 123;
/// `lang-heldout127.jsonl`, round 125;
/// `lang-heldout129.jsonl`, round 127;
/// `lang-heldout130.jsonl`, round 128;
/// `lang-heldout128.jsonl`, round 126;
/// `lang-heldout126.jsonl`, round 124;
/// `lang-heldout131.jsonl`, round 129;
/// `lang-heldout132.jsonl`, round 130;
/// `lang-heldout133.jsonl`, round 131;
/// `lang-heldout134.jsonl`, round 132;
/// `lang-heldout135.jsonl`, round 133;
/// `lang-heldout136.jsonl`, round 134;
/// `lang-heldout137.jsonl`, round 135;
/// `lang-heldout138.jsonl`, round 136;
/// `lang-heldout139.jsonl`, round 137;
/// `lang-heldout140.jsonl`, round 138;
/// `lang-heldout141.jsonl`, round 139;
/// `lang-heldout142.jsonl`, round 140;
/// `lang-heldout143.jsonl`, round 141;
/// `lang-heldout144.jsonl`, round 142;
/// `lang-heldout145.jsonl`, round 143;
/// `lang-heldout146.jsonl`, round 144;
/// `lang-heldout147.jsonl`, round 145;
/// `lang-heldout148.jsonl`, round 146;
/// `lang-heldout149.jsonl`, round 147;
/// `lang-heldout150.jsonl`, round 148;
/// `lang-heldout151.jsonl`, round 149;
/// `lang-heldout152.jsonl`, round 150;
/// `lang-heldout153.jsonl`, round 151;
/// `lang-heldout154.jsonl`, round 152;
/// `lang-heldout155.jsonl`, round 153;
/// `lang-heldout156.jsonl`, round 154;
/// `lang-heldout157.jsonl`, round 155;
/// `lang-heldout158.jsonl`, round 156;
/// `lang-heldout159.jsonl`, round 157;
/// `lang-heldout160.jsonl`, round 158;
/// `lang-heldout161.jsonl`, round 159;
/// `lang-heldout162.jsonl`, round 160;
/// `lang-heldout163.jsonl`, round 161;
/// `lang-heldout164.jsonl`, round 162;
/// `lang-heldout165.jsonl`, round 163;
/// `lang-heldout166.jsonl`, round 164;
/// `lang-heldout167.jsonl`, round 165;
/// `lang-heldout168.jsonl`, round 166;
/// `lang-heldout169.jsonl`, round 167;
/// `lang-heldout170.jsonl`, round 168;
/// `lang-heldout171.jsonl`, round 169;
/// `lang-heldout172.jsonl`, round 170;
/// `lang-heldout173.jsonl`, round 171;
/// `lang-heldout174.jsonl`, round 172;
/// `lang-heldout175.jsonl`, round 173;
/// `lang-heldout176.jsonl`, round 174;
/// `lang-heldout177.jsonl`, round 175;
/// `lang-heldout178.jsonl`, round 176;
/// `lang-heldout179.jsonl`, round 177;
/// `lang-heldout180.jsonl`, round 178;
/// `lang-heldout182.jsonl`, round 180;
/// `lang-heldout183.jsonl`, round 181;
/// `lang-heldout184.jsonl`, round 182;
/// `lang-heldout185.jsonl`, round 183;
/// `lang-heldout186.jsonl`, round 184;
/// `lang-heldout181.jsonl`, round 179;
/// `lang-heldout187.jsonl`, round 185;
/// `lang-heldout188.jsonl`, round 186;
/// `lang-heldout189.jsonl`, round 187;
/// `lang-heldout190.jsonl`, round 188;
/// `lang-heldout191.jsonl`, round 189;
/// `lang-heldout192.jsonl`, round 190;
/// `lang-heldout193.jsonl`, round 191;
/// `lang-heldout194.jsonl`, round 192;
/// `lang-heldout195.jsonl`, round 193;
/// `lang-heldout196.jsonl`, round 194;
/// `lang-heldout197.jsonl`, round 195;
/// `lang-heldout198.jsonl`, round 196;
/// `lang-heldout199.jsonl`, round 197;
/// `lang-heldout200.jsonl`, round 198;
/// `lang-heldout201.jsonl`, round 199;
/// `lang-heldout202.jsonl`, round 200;
/// `lang-heldout203.jsonl`, round 201;
/// `lang-heldout204.jsonl`, round 202;
/// `lang-heldout205.jsonl`, round 203;
/// `lang-heldout206.jsonl`, round 204;
/// `lang-heldout207.jsonl`, round 205;
/// `lang-heldout208.jsonl`, round 206;
/// `lang-heldout209.jsonl`, round 207;
/// `lang-heldout210.jsonl`, round 208;
/// `lang-heldout211.jsonl`, round 209;
/// `lang-heldout212.jsonl`, round 210;
/// `lang-heldout213.jsonl`, round 211;
/// `lang-heldout214.jsonl`, round 212;
/// `lang-heldout215.jsonl`, round 213;
/// `lang-heldout216.jsonl`, round 214;
/// `lang-heldout217.jsonl`, round 215;
/// `lang-heldout218.jsonl`, round 216;
/// `lang-heldout219.jsonl`, round 217;
/// `lang-heldout220.jsonl`, round 218;
/// `lang-heldout221.jsonl`, round 219;
/// `lang-heldout222.jsonl`, round 220;
/// `lang-heldout223.jsonl`, round 221;
/// `lang-heldout224.jsonl`, round 222;
/// `lang-heldout225.jsonl`, round 223;
/// `lang-heldout226.jsonl`, round 224;
/// `lang-heldout227.jsonl`, round 225;
/// `lang-heldout228.jsonl`, round 226;
/// `lang-heldout229.jsonl`, round 227;
/// `lang-heldout230.jsonl`, round 228;
/// `lang-heldout231.jsonl`, round 229;
/// `lang-heldout232.jsonl`, round 230;
/// `lang-heldout233.jsonl`, round 231;
/// `lang-heldout234.jsonl`, round 232;
/// `lang-heldout235.jsonl`, round 233;
/// `lang-heldout236.jsonl`, round 234;
/// `lang-heldout237.jsonl`, round 235;
/// `lang-heldout238.jsonl`, round 236;
/// `lang-heldout239.jsonl`, round 237;
/// `lang-heldout240.jsonl`, round 238;
/// `lang-heldout241.jsonl`, round 239;
/// `lang-heldout242.jsonl`, round 240;
/// `lang-heldout243.jsonl`, round 241;
/// `lang-heldout244.jsonl`, round 242;
/// `lang-heldout245.jsonl`, round 243;
/// `lang-heldout246.jsonl`, round 244;
/// `lang-heldout247.jsonl`, round 245;
/// `lang-heldout248.jsonl`, round 246;
/// `lang-heldout249.jsonl`, round 247;
/// `lang-heldout250.jsonl`, round 248;
/// `lang-heldout251.jsonl`, round 249;
/// `lang-heldout252.jsonl`, round 250;
/// `lang-heldout253.jsonl`, round 251;
/// `lang-heldout254.jsonl`, round 252;
/// `lang-heldout255.jsonl`, round 253;
/// `lang-heldout256.jsonl`, round 254;
/// `lang-heldout257.jsonl`, round 255;
/// `lang-heldout258.jsonl`, round 256;
/// `lang-heldout259.jsonl`, round 257;
/// `lang-heldout260.jsonl`, round 258;
/// `lang-heldout261.jsonl`, round 259;
/// `lang-heldout262.jsonl`, round 260;
/// `lang-heldout263.jsonl`, round 261;
/// `lang-heldout264.jsonl`, round 262;
/// `lang-heldout265.jsonl`, round 263;
/// `lang-heldout266.jsonl`, round 264;
/// `lang-heldout267.jsonl`, round 265;
/// `lang-heldout268.jsonl`, round 266;
/// `lang-heldout269.jsonl`, round 267;
/// `lang-heldout270.jsonl`, round 268;
/// `lang-heldout271.jsonl`, round 269;
/// `lang-heldout272.jsonl`, round 270;
/// `lang-heldout273.jsonl`, round 271;
/// `lang-heldout274.jsonl`, round 272;
/// `lang-heldout275.jsonl`, round 273;
/// `lang-heldout276.jsonl`, round 274;
/// `lang-heldout277.jsonl`, round 275;
/// `lang-heldout278.jsonl`, round 276;
/// `lang-heldout279.jsonl`, round 277;
/// `lang-heldout280.jsonl`, round 278;
/// `lang-heldout281.jsonl`, round 279;
/// `lang-heldout282.jsonl`, round 280;
/// `lang-heldout283.jsonl`, round 281;
/// `lang-heldout284.jsonl`, round 282;
/// `lang-heldout285.jsonl`, round 283;
/// `lang-heldout286.jsonl`, round 284;
/// `lang-heldout287.jsonl`, round 285;
/// `lang-heldout288.jsonl`, round 286;
/// `lang-heldout289.jsonl`, round 287;
/// `lang-heldout290.jsonl`, round 288;
/// `lang-heldout291.jsonl`, round 289;
/// `lang-heldout292.jsonl`, round 290;
/// `lang-heldout293.jsonl`, round 291;
/// `lang-heldout294.jsonl`, round 292;
/// `lang-heldout295.jsonl`, round 293;
/// `lang-heldout296.jsonl`, round 294;
/// `lang-heldout297.jsonl`, round 295;
/// `lang-heldout298.jsonl`, round 296;
/// `lang-heldout299.jsonl`, round 297;
/// `lang-heldout300.jsonl`, round 298;
/// `lang-heldout301.jsonl`, round 299;
/// `lang-heldout302.jsonl`, round 300;
/// `lang-heldout303.jsonl`, round 301;
/// `lang-heldout304.jsonl`, round 302;
/// `lang-heldout305.jsonl`, round 303;
/// `lang-heldout306.jsonl`, round 304;
/// `lang-heldout307.jsonl`, round 305;
/// `lang-heldout308.jsonl`, round 306;
/// `lang-heldout309.jsonl`, round 307;
/// `lang-heldout310.jsonl`, round 308;
/// `lang-heldout311.jsonl`, round 309;
/// `lang-heldout312.jsonl`, round 310;
/// `lang-heldout313.jsonl`, round 311;
/// `lang-heldout314.jsonl`, round 312;
/// `lang-heldout315.jsonl`, round 313;
/// `lang-heldout316.jsonl`, round 314;
/// `lang-heldout317.jsonl`, round 315):
/// measured and printed on their own, never tuned on.
const HELD_OUT_ONLY: &[(&str, &str)] = &[
    ("heldout-6", "/tests/corpus/lang-heldout6.jsonl"),
    ("heldout-7", "/tests/corpus/lang-heldout7.jsonl"),
    ("heldout-8", "/tests/corpus/lang-heldout8.jsonl"),
    ("heldout-9", "/tests/corpus/lang-heldout9.jsonl"),
    ("heldout-10", "/tests/corpus/lang-heldout10.jsonl"),
    ("heldout-11", "/tests/corpus/lang-heldout11.jsonl"),
    ("heldout-12", "/tests/corpus/lang-heldout12.jsonl"),
    ("heldout-13", "/tests/corpus/lang-heldout13.jsonl"),
    ("heldout-14", "/tests/corpus/lang-heldout14.jsonl"),
    ("heldout-15", "/tests/corpus/lang-heldout15.jsonl"),
    ("heldout-16", "/tests/corpus/lang-heldout16.jsonl"),
    ("heldout-17", "/tests/corpus/lang-heldout17.jsonl"),
    ("heldout-18", "/tests/corpus/lang-heldout18.jsonl"),
    ("heldout-19", "/tests/corpus/lang-heldout19.jsonl"),
    ("heldout-20", "/tests/corpus/lang-heldout20.jsonl"),
    ("heldout-21", "/tests/corpus/lang-heldout21.jsonl"),
    ("heldout-22", "/tests/corpus/lang-heldout22.jsonl"),
    ("heldout-23", "/tests/corpus/lang-heldout23.jsonl"),
    ("heldout-24", "/tests/corpus/lang-heldout24.jsonl"),
    ("heldout-25", "/tests/corpus/lang-heldout25.jsonl"),
    ("heldout-26", "/tests/corpus/lang-heldout26.jsonl"),
    ("heldout-27", "/tests/corpus/lang-heldout27.jsonl"),
    ("heldout-28", "/tests/corpus/lang-heldout28.jsonl"),
    ("heldout-29", "/tests/corpus/lang-heldout29.jsonl"),
    ("heldout-30", "/tests/corpus/lang-heldout30.jsonl"),
    ("heldout-31", "/tests/corpus/lang-heldout31.jsonl"),
    ("heldout-32", "/tests/corpus/lang-heldout32.jsonl"),
    ("heldout-33", "/tests/corpus/lang-heldout33.jsonl"),
    ("heldout-34", "/tests/corpus/lang-heldout34.jsonl"),
    ("heldout-35", "/tests/corpus/lang-heldout35.jsonl"),
    ("heldout-36", "/tests/corpus/lang-heldout36.jsonl"),
    ("heldout-37", "/tests/corpus/lang-heldout37.jsonl"),
    ("heldout-38", "/tests/corpus/lang-heldout38.jsonl"),
    ("heldout-39", "/tests/corpus/lang-heldout39.jsonl"),
    ("heldout-40", "/tests/corpus/lang-heldout40.jsonl"),
    ("heldout-41", "/tests/corpus/lang-heldout41.jsonl"),
    ("heldout-42", "/tests/corpus/lang-heldout42.jsonl"),
    ("heldout-43", "/tests/corpus/lang-heldout43.jsonl"),
    ("heldout-44", "/tests/corpus/lang-heldout44.jsonl"),
    ("heldout-45", "/tests/corpus/lang-heldout45.jsonl"),
    ("heldout-46", "/tests/corpus/lang-heldout46.jsonl"),
    ("heldout-47", "/tests/corpus/lang-heldout47.jsonl"),
    ("heldout-48", "/tests/corpus/lang-heldout48.jsonl"),
    ("heldout-49", "/tests/corpus/lang-heldout49.jsonl"),
    ("heldout-50", "/tests/corpus/lang-heldout50.jsonl"),
    ("heldout-51", "/tests/corpus/lang-heldout51.jsonl"),
    ("heldout-52", "/tests/corpus/lang-heldout52.jsonl"),
    ("heldout-53", "/tests/corpus/lang-heldout53.jsonl"),
    ("heldout-54", "/tests/corpus/lang-heldout54.jsonl"),
    ("heldout-55", "/tests/corpus/lang-heldout55.jsonl"),
    ("heldout-56", "/tests/corpus/lang-heldout56.jsonl"),
    ("heldout-57", "/tests/corpus/lang-heldout57.jsonl"),
    ("heldout-58", "/tests/corpus/lang-heldout58.jsonl"),
    ("heldout-59", "/tests/corpus/lang-heldout59.jsonl"),
    ("heldout-60", "/tests/corpus/lang-heldout60.jsonl"),
    ("heldout-61", "/tests/corpus/lang-heldout61.jsonl"),
    ("heldout-62", "/tests/corpus/lang-heldout62.jsonl"),
    ("heldout-63", "/tests/corpus/lang-heldout63.jsonl"),
    ("heldout-64", "/tests/corpus/lang-heldout64.jsonl"),
    ("heldout-65", "/tests/corpus/lang-heldout65.jsonl"),
    ("heldout-66", "/tests/corpus/lang-heldout66.jsonl"),
    ("heldout-67", "/tests/corpus/lang-heldout67.jsonl"),
    ("heldout-68", "/tests/corpus/lang-heldout68.jsonl"),
    ("heldout-69", "/tests/corpus/lang-heldout69.jsonl"),
    ("heldout-70", "/tests/corpus/lang-heldout70.jsonl"),
    ("heldout-71", "/tests/corpus/lang-heldout71.jsonl"),
    ("heldout-72", "/tests/corpus/lang-heldout72.jsonl"),
    ("heldout-73", "/tests/corpus/lang-heldout73.jsonl"),
    ("heldout-74", "/tests/corpus/lang-heldout74.jsonl"),
    ("heldout-75", "/tests/corpus/lang-heldout75.jsonl"),
    ("heldout-78", "/tests/corpus/lang-heldout78.jsonl"),
    ("heldout-79", "/tests/corpus/lang-heldout79.jsonl"),
    ("heldout-80", "/tests/corpus/lang-heldout80.jsonl"),
    ("heldout-81", "/tests/corpus/lang-heldout81.jsonl"),
    ("heldout-82", "/tests/corpus/lang-heldout82.jsonl"),
    ("heldout-83", "/tests/corpus/lang-heldout83.jsonl"),
    ("heldout-76", "/tests/corpus/lang-heldout76.jsonl"),
    ("heldout-77", "/tests/corpus/lang-heldout77.jsonl"),
    ("heldout-84", "/tests/corpus/lang-heldout84.jsonl"),
    ("heldout-85", "/tests/corpus/lang-heldout85.jsonl"),
    ("heldout-86", "/tests/corpus/lang-heldout86.jsonl"),
    ("heldout-87", "/tests/corpus/lang-heldout87.jsonl"),
    ("heldout-88", "/tests/corpus/lang-heldout88.jsonl"),
    ("heldout-89", "/tests/corpus/lang-heldout89.jsonl"),
    ("heldout-90", "/tests/corpus/lang-heldout90.jsonl"),
    ("heldout-91", "/tests/corpus/lang-heldout91.jsonl"),
    ("heldout-96", "/tests/corpus/lang-heldout96.jsonl"),
    ("heldout-97", "/tests/corpus/lang-heldout97.jsonl"),
    ("heldout-100", "/tests/corpus/lang-heldout100.jsonl"),
    ("heldout-102", "/tests/corpus/lang-heldout102.jsonl"),
    ("heldout-101", "/tests/corpus/lang-heldout101.jsonl"),
    ("heldout-103", "/tests/corpus/lang-heldout103.jsonl"),
    ("heldout-98", "/tests/corpus/lang-heldout98.jsonl"),
    ("heldout-99", "/tests/corpus/lang-heldout99.jsonl"),
    ("heldout-104", "/tests/corpus/lang-heldout104.jsonl"),
    ("heldout-105", "/tests/corpus/lang-heldout105.jsonl"),
    ("heldout-106", "/tests/corpus/lang-heldout106.jsonl"),
    ("heldout-107", "/tests/corpus/lang-heldout107.jsonl"),
    ("heldout-108", "/tests/corpus/lang-heldout108.jsonl"),
    ("heldout-109", "/tests/corpus/lang-heldout109.jsonl"),
    ("heldout-110", "/tests/corpus/lang-heldout110.jsonl"),
    ("heldout-111", "/tests/corpus/lang-heldout111.jsonl"),
    ("heldout-112", "/tests/corpus/lang-heldout112.jsonl"),
    ("heldout-113", "/tests/corpus/lang-heldout113.jsonl"),
    ("heldout-114", "/tests/corpus/lang-heldout114.jsonl"),
    ("heldout-116", "/tests/corpus/lang-heldout116.jsonl"),
    ("heldout-117", "/tests/corpus/lang-heldout117.jsonl"),
    ("heldout-118", "/tests/corpus/lang-heldout118.jsonl"),
    ("heldout-119", "/tests/corpus/lang-heldout119.jsonl"),
    ("heldout-120", "/tests/corpus/lang-heldout120.jsonl"),
    ("heldout-121", "/tests/corpus/lang-heldout121.jsonl"),
    ("heldout-122", "/tests/corpus/lang-heldout122.jsonl"),
    ("heldout-123", "/tests/corpus/lang-heldout123.jsonl"),
    ("heldout-124", "/tests/corpus/lang-heldout124.jsonl"),
    ("heldout-125", "/tests/corpus/lang-heldout125.jsonl"),
    ("heldout-127", "/tests/corpus/lang-heldout127.jsonl"),
    ("heldout-129", "/tests/corpus/lang-heldout129.jsonl"),
    ("heldout-130", "/tests/corpus/lang-heldout130.jsonl"),
    ("heldout-128", "/tests/corpus/lang-heldout128.jsonl"),
    ("heldout-126", "/tests/corpus/lang-heldout126.jsonl"),
    ("heldout-131", "/tests/corpus/lang-heldout131.jsonl"),
    ("heldout-132", "/tests/corpus/lang-heldout132.jsonl"),
    ("heldout-133", "/tests/corpus/lang-heldout133.jsonl"),
    ("heldout-134", "/tests/corpus/lang-heldout134.jsonl"),
    ("heldout-135", "/tests/corpus/lang-heldout135.jsonl"),
    ("heldout-136", "/tests/corpus/lang-heldout136.jsonl"),
    ("heldout-137", "/tests/corpus/lang-heldout137.jsonl"),
    ("heldout-138", "/tests/corpus/lang-heldout138.jsonl"),
    ("heldout-139", "/tests/corpus/lang-heldout139.jsonl"),
    ("heldout-140", "/tests/corpus/lang-heldout140.jsonl"),
    ("heldout-141", "/tests/corpus/lang-heldout141.jsonl"),
    ("heldout-142", "/tests/corpus/lang-heldout142.jsonl"),
    ("heldout-143", "/tests/corpus/lang-heldout143.jsonl"),
    ("heldout-144", "/tests/corpus/lang-heldout144.jsonl"),
    ("heldout-145", "/tests/corpus/lang-heldout145.jsonl"),
    ("heldout-146", "/tests/corpus/lang-heldout146.jsonl"),
    ("heldout-147", "/tests/corpus/lang-heldout147.jsonl"),
    ("heldout-148", "/tests/corpus/lang-heldout148.jsonl"),
    ("heldout-149", "/tests/corpus/lang-heldout149.jsonl"),
    ("heldout-150", "/tests/corpus/lang-heldout150.jsonl"),
    ("heldout-151", "/tests/corpus/lang-heldout151.jsonl"),
    ("heldout-152", "/tests/corpus/lang-heldout152.jsonl"),
    ("heldout-153", "/tests/corpus/lang-heldout153.jsonl"),
    ("heldout-154", "/tests/corpus/lang-heldout154.jsonl"),
    ("heldout-155", "/tests/corpus/lang-heldout155.jsonl"),
    ("heldout-156", "/tests/corpus/lang-heldout156.jsonl"),
    ("heldout-157", "/tests/corpus/lang-heldout157.jsonl"),
    ("heldout-158", "/tests/corpus/lang-heldout158.jsonl"),
    ("heldout-159", "/tests/corpus/lang-heldout159.jsonl"),
    ("heldout-160", "/tests/corpus/lang-heldout160.jsonl"),
    ("heldout-161", "/tests/corpus/lang-heldout161.jsonl"),
    ("heldout-162", "/tests/corpus/lang-heldout162.jsonl"),
    ("heldout-163", "/tests/corpus/lang-heldout163.jsonl"),
    ("heldout-164", "/tests/corpus/lang-heldout164.jsonl"),
    ("heldout-165", "/tests/corpus/lang-heldout165.jsonl"),
    ("heldout-166", "/tests/corpus/lang-heldout166.jsonl"),
    ("heldout-167", "/tests/corpus/lang-heldout167.jsonl"),
    ("heldout-168", "/tests/corpus/lang-heldout168.jsonl"),
    ("heldout-169", "/tests/corpus/lang-heldout169.jsonl"),
    ("heldout-170", "/tests/corpus/lang-heldout170.jsonl"),
    ("heldout-171", "/tests/corpus/lang-heldout171.jsonl"),
    ("heldout-172", "/tests/corpus/lang-heldout172.jsonl"),
    ("heldout-173", "/tests/corpus/lang-heldout173.jsonl"),
    ("heldout-174", "/tests/corpus/lang-heldout174.jsonl"),
    ("heldout-175", "/tests/corpus/lang-heldout175.jsonl"),
    ("heldout-176", "/tests/corpus/lang-heldout176.jsonl"),
    ("heldout-177", "/tests/corpus/lang-heldout177.jsonl"),
    ("heldout-178", "/tests/corpus/lang-heldout178.jsonl"),
    ("heldout-179", "/tests/corpus/lang-heldout179.jsonl"),
    ("heldout-180", "/tests/corpus/lang-heldout180.jsonl"),
    ("heldout-182", "/tests/corpus/lang-heldout182.jsonl"),
    ("heldout-183", "/tests/corpus/lang-heldout183.jsonl"),
    ("heldout-184", "/tests/corpus/lang-heldout184.jsonl"),
    ("heldout-185", "/tests/corpus/lang-heldout185.jsonl"),
    ("heldout-186", "/tests/corpus/lang-heldout186.jsonl"),
    ("heldout-181", "/tests/corpus/lang-heldout181.jsonl"),
    ("heldout-187", "/tests/corpus/lang-heldout187.jsonl"),
    ("heldout-188", "/tests/corpus/lang-heldout188.jsonl"),
    ("heldout-189", "/tests/corpus/lang-heldout189.jsonl"),
    ("heldout-190", "/tests/corpus/lang-heldout190.jsonl"),
    ("heldout-191", "/tests/corpus/lang-heldout191.jsonl"),
    ("heldout-192", "/tests/corpus/lang-heldout192.jsonl"),
    ("heldout-193", "/tests/corpus/lang-heldout193.jsonl"),
    ("heldout-194", "/tests/corpus/lang-heldout194.jsonl"),
    ("heldout-195", "/tests/corpus/lang-heldout195.jsonl"),
    ("heldout-196", "/tests/corpus/lang-heldout196.jsonl"),
    ("heldout-197", "/tests/corpus/lang-heldout197.jsonl"),
    ("heldout-198", "/tests/corpus/lang-heldout198.jsonl"),
    ("heldout-199", "/tests/corpus/lang-heldout199.jsonl"),
    ("heldout-200", "/tests/corpus/lang-heldout200.jsonl"),
    ("heldout-201", "/tests/corpus/lang-heldout201.jsonl"),
    ("heldout-202", "/tests/corpus/lang-heldout202.jsonl"),
    ("heldout-203", "/tests/corpus/lang-heldout203.jsonl"),
    ("heldout-204", "/tests/corpus/lang-heldout204.jsonl"),
    ("heldout-205", "/tests/corpus/lang-heldout205.jsonl"),
    ("heldout-206", "/tests/corpus/lang-heldout206.jsonl"),
    ("heldout-207", "/tests/corpus/lang-heldout207.jsonl"),
    ("heldout-208", "/tests/corpus/lang-heldout208.jsonl"),
    ("heldout-209", "/tests/corpus/lang-heldout209.jsonl"),
    ("heldout-210", "/tests/corpus/lang-heldout210.jsonl"),
    ("heldout-211", "/tests/corpus/lang-heldout211.jsonl"),
    ("heldout-212", "/tests/corpus/lang-heldout212.jsonl"),
    ("heldout-213", "/tests/corpus/lang-heldout213.jsonl"),
    ("heldout-214", "/tests/corpus/lang-heldout214.jsonl"),
    ("heldout-215", "/tests/corpus/lang-heldout215.jsonl"),
    ("heldout-216", "/tests/corpus/lang-heldout216.jsonl"),
    ("heldout-217", "/tests/corpus/lang-heldout217.jsonl"),
    ("heldout-218", "/tests/corpus/lang-heldout218.jsonl"),
    ("heldout-219", "/tests/corpus/lang-heldout219.jsonl"),
    ("heldout-220", "/tests/corpus/lang-heldout220.jsonl"),
    ("heldout-221", "/tests/corpus/lang-heldout221.jsonl"),
    ("heldout-222", "/tests/corpus/lang-heldout222.jsonl"),
    ("heldout-223", "/tests/corpus/lang-heldout223.jsonl"),
    ("heldout-224", "/tests/corpus/lang-heldout224.jsonl"),
    ("heldout-225", "/tests/corpus/lang-heldout225.jsonl"),
    ("heldout-226", "/tests/corpus/lang-heldout226.jsonl"),
    ("heldout-227", "/tests/corpus/lang-heldout227.jsonl"),
    ("heldout-228", "/tests/corpus/lang-heldout228.jsonl"),
    ("heldout-229", "/tests/corpus/lang-heldout229.jsonl"),
    ("heldout-230", "/tests/corpus/lang-heldout230.jsonl"),
    ("heldout-231", "/tests/corpus/lang-heldout231.jsonl"),
    ("heldout-232", "/tests/corpus/lang-heldout232.jsonl"),
    ("heldout-233", "/tests/corpus/lang-heldout233.jsonl"),
    ("heldout-234", "/tests/corpus/lang-heldout234.jsonl"),
    ("heldout-235", "/tests/corpus/lang-heldout235.jsonl"),
    ("heldout-236", "/tests/corpus/lang-heldout236.jsonl"),
    ("heldout-237", "/tests/corpus/lang-heldout237.jsonl"),
    ("heldout-238", "/tests/corpus/lang-heldout238.jsonl"),
    ("heldout-239", "/tests/corpus/lang-heldout239.jsonl"),
    ("heldout-240", "/tests/corpus/lang-heldout240.jsonl"),
    ("heldout-241", "/tests/corpus/lang-heldout241.jsonl"),
    ("heldout-242", "/tests/corpus/lang-heldout242.jsonl"),
    ("heldout-243", "/tests/corpus/lang-heldout243.jsonl"),
    ("heldout-244", "/tests/corpus/lang-heldout244.jsonl"),
    ("heldout-245", "/tests/corpus/lang-heldout245.jsonl"),
    ("heldout-246", "/tests/corpus/lang-heldout246.jsonl"),
    ("heldout-247", "/tests/corpus/lang-heldout247.jsonl"),
    ("heldout-248", "/tests/corpus/lang-heldout248.jsonl"),
    ("heldout-249", "/tests/corpus/lang-heldout249.jsonl"),
    ("heldout-250", "/tests/corpus/lang-heldout250.jsonl"),
    ("heldout-251", "/tests/corpus/lang-heldout251.jsonl"),
    ("heldout-252", "/tests/corpus/lang-heldout252.jsonl"),
    ("heldout-253", "/tests/corpus/lang-heldout253.jsonl"),
    ("heldout-254", "/tests/corpus/lang-heldout254.jsonl"),
    ("heldout-255", "/tests/corpus/lang-heldout255.jsonl"),
    ("heldout-256", "/tests/corpus/lang-heldout256.jsonl"),
    ("heldout-257", "/tests/corpus/lang-heldout257.jsonl"),
    ("heldout-258", "/tests/corpus/lang-heldout258.jsonl"),
    ("heldout-259", "/tests/corpus/lang-heldout259.jsonl"),
    ("heldout-260", "/tests/corpus/lang-heldout260.jsonl"),
    ("heldout-261", "/tests/corpus/lang-heldout261.jsonl"),
    ("heldout-262", "/tests/corpus/lang-heldout262.jsonl"),
    ("heldout-263", "/tests/corpus/lang-heldout263.jsonl"),
    ("heldout-264", "/tests/corpus/lang-heldout264.jsonl"),
    ("heldout-265", "/tests/corpus/lang-heldout265.jsonl"),
    ("heldout-266", "/tests/corpus/lang-heldout266.jsonl"),
    ("heldout-267", "/tests/corpus/lang-heldout267.jsonl"),
    ("heldout-268", "/tests/corpus/lang-heldout268.jsonl"),
    ("heldout-269", "/tests/corpus/lang-heldout269.jsonl"),
    ("heldout-270", "/tests/corpus/lang-heldout270.jsonl"),
    ("heldout-271", "/tests/corpus/lang-heldout271.jsonl"),
    ("heldout-272", "/tests/corpus/lang-heldout272.jsonl"),
    ("heldout-273", "/tests/corpus/lang-heldout273.jsonl"),
    ("heldout-274", "/tests/corpus/lang-heldout274.jsonl"),
    ("heldout-275", "/tests/corpus/lang-heldout275.jsonl"),
    ("heldout-276", "/tests/corpus/lang-heldout276.jsonl"),
    ("heldout-277", "/tests/corpus/lang-heldout277.jsonl"),
    ("heldout-278", "/tests/corpus/lang-heldout278.jsonl"),
    ("heldout-279", "/tests/corpus/lang-heldout279.jsonl"),
    ("heldout-280", "/tests/corpus/lang-heldout280.jsonl"),
    ("heldout-281", "/tests/corpus/lang-heldout281.jsonl"),
    ("heldout-282", "/tests/corpus/lang-heldout282.jsonl"),
    ("heldout-283", "/tests/corpus/lang-heldout283.jsonl"),
    ("heldout-284", "/tests/corpus/lang-heldout284.jsonl"),
    ("heldout-285", "/tests/corpus/lang-heldout285.jsonl"),
    ("heldout-286", "/tests/corpus/lang-heldout286.jsonl"),
    ("heldout-287", "/tests/corpus/lang-heldout287.jsonl"),
    ("heldout-288", "/tests/corpus/lang-heldout288.jsonl"),
    ("heldout-289", "/tests/corpus/lang-heldout289.jsonl"),
    ("heldout-290", "/tests/corpus/lang-heldout290.jsonl"),
    ("heldout-291", "/tests/corpus/lang-heldout291.jsonl"),
    ("heldout-292", "/tests/corpus/lang-heldout292.jsonl"),
    ("heldout-293", "/tests/corpus/lang-heldout293.jsonl"),
    ("heldout-294", "/tests/corpus/lang-heldout294.jsonl"),
    ("heldout-295", "/tests/corpus/lang-heldout295.jsonl"),
    ("heldout-296", "/tests/corpus/lang-heldout296.jsonl"),
    ("heldout-297", "/tests/corpus/lang-heldout297.jsonl"),
    ("heldout-298", "/tests/corpus/lang-heldout298.jsonl"),
    ("heldout-299", "/tests/corpus/lang-heldout299.jsonl"),
    ("heldout-300", "/tests/corpus/lang-heldout300.jsonl"),
    ("heldout-301", "/tests/corpus/lang-heldout301.jsonl"),
    ("heldout-302", "/tests/corpus/lang-heldout302.jsonl"),
    ("heldout-303", "/tests/corpus/lang-heldout303.jsonl"),
    ("heldout-304", "/tests/corpus/lang-heldout304.jsonl"),
    ("heldout-305", "/tests/corpus/lang-heldout305.jsonl"),
    ("heldout-306", "/tests/corpus/lang-heldout306.jsonl"),
    ("heldout-307", "/tests/corpus/lang-heldout307.jsonl"),
    ("heldout-308", "/tests/corpus/lang-heldout308.jsonl"),
    ("heldout-309", "/tests/corpus/lang-heldout309.jsonl"),
    ("heldout-310", "/tests/corpus/lang-heldout310.jsonl"),
    ("heldout-311", "/tests/corpus/lang-heldout311.jsonl"),
    ("heldout-312", "/tests/corpus/lang-heldout312.jsonl"),
    ("heldout-313", "/tests/corpus/lang-heldout313.jsonl"),
    ("heldout-314", "/tests/corpus/lang-heldout314.jsonl"),
    ("heldout-315", "/tests/corpus/lang-heldout315.jsonl"),
    ("heldout-316", "/tests/corpus/lang-heldout316.jsonl"),
    ("heldout-317", "/tests/corpus/lang-heldout317.jsonl"),
    ("heldout-318", "/tests/corpus/lang-heldout318.jsonl"),
    ("heldout-319", "/tests/corpus/lang-heldout319.jsonl"),
    ("heldout-320", "/tests/corpus/lang-heldout320.jsonl"),
    ("heldout-321", "/tests/corpus/lang-heldout321.jsonl"),
    ("heldout-322", "/tests/corpus/lang-heldout322.jsonl"),
    ("heldout-323", "/tests/corpus/lang-heldout323.jsonl"),
    ("heldout-324", "/tests/corpus/lang-heldout324.jsonl"),
    ("heldout-325", "/tests/corpus/lang-heldout325.jsonl"),
    ("heldout-326", "/tests/corpus/lang-heldout326.jsonl"),
    ("heldout-327", "/tests/corpus/lang-heldout327.jsonl"),
    ("heldout-328", "/tests/corpus/lang-heldout328.jsonl"),
    ("heldout-329", "/tests/corpus/lang-heldout329.jsonl"),
    ("heldout-330", "/tests/corpus/lang-heldout330.jsonl"),
    ("heldout-331", "/tests/corpus/lang-heldout331.jsonl"),
    ("heldout-332", "/tests/corpus/lang-heldout332.jsonl"),
    ("heldout-333", "/tests/corpus/lang-heldout333.jsonl"),
    ("heldout-334", "/tests/corpus/lang-heldout334.jsonl"),
    ("heldout-335", "/tests/corpus/lang-heldout335.jsonl"),
    ("heldout-336", "/tests/corpus/lang-heldout336.jsonl"),
    ("heldout-337", "/tests/corpus/lang-heldout337.jsonl"),
    ("heldout-338", "/tests/corpus/lang-heldout338.jsonl"),
    ("heldout-339", "/tests/corpus/lang-heldout339.jsonl"),
    ("heldout-340", "/tests/corpus/lang-heldout340.jsonl"),
    ("heldout-341", "/tests/corpus/lang-heldout341.jsonl"),
    ("heldout-342", "/tests/corpus/lang-heldout342.jsonl"),
    ("heldout-343", "/tests/corpus/lang-heldout343.jsonl"),
    ("heldout-344", "/tests/corpus/lang-heldout344.jsonl"),
    ("heldout-345", "/tests/corpus/lang-heldout345.jsonl"),
    ("heldout-346", "/tests/corpus/lang-heldout346.jsonl"),
    ("heldout-347", "/tests/corpus/lang-heldout347.jsonl"),
    ("heldout-348", "/tests/corpus/lang-heldout348.jsonl"),
    ("heldout-349", "/tests/corpus/lang-heldout349.jsonl"),
    ("heldout-350", "/tests/corpus/lang-heldout350.jsonl"),
    ("heldout-351", "/tests/corpus/lang-heldout351.jsonl"),
    ("heldout-352", "/tests/corpus/lang-heldout352.jsonl"),
    ("heldout-353", "/tests/corpus/lang-heldout353.jsonl"),
    ("heldout-354", "/tests/corpus/lang-heldout354.jsonl"),
    ("heldout-355", "/tests/corpus/lang-heldout355.jsonl"),
    ("heldout-356", "/tests/corpus/lang-heldout356.jsonl"),
    ("heldout-357", "/tests/corpus/lang-heldout357.jsonl"),
    ("heldout-358", "/tests/corpus/lang-heldout358.jsonl"),
    ("heldout-359", "/tests/corpus/lang-heldout359.jsonl"),
    ("heldout-360", "/tests/corpus/lang-heldout360.jsonl"),
    ("heldout-361", "/tests/corpus/lang-heldout361.jsonl"),
    ("heldout-362", "/tests/corpus/lang-heldout362.jsonl"),
    ("heldout-363", "/tests/corpus/lang-heldout363.jsonl"),
    ("heldout-364", "/tests/corpus/lang-heldout364.jsonl"),
    ("heldout-365", "/tests/corpus/lang-heldout365.jsonl"),
    ("heldout-366", "/tests/corpus/lang-heldout366.jsonl"),
    ("heldout-367", "/tests/corpus/lang-heldout367.jsonl"),
    ("heldout-368", "/tests/corpus/lang-heldout368.jsonl"),
    ("heldout-369", "/tests/corpus/lang-heldout369.jsonl"),
    ("heldout-370", "/tests/corpus/lang-heldout370.jsonl"),
    ("heldout-371", "/tests/corpus/lang-heldout371.jsonl"),
    ("heldout-372", "/tests/corpus/lang-heldout372.jsonl"),
    ("heldout-373", "/tests/corpus/lang-heldout373.jsonl"),
    ("heldout-374", "/tests/corpus/lang-heldout374.jsonl"),
    ("heldout-375", "/tests/corpus/lang-heldout375.jsonl"),
    ("heldout-376", "/tests/corpus/lang-heldout376.jsonl"),
    ("heldout-377", "/tests/corpus/lang-heldout377.jsonl"),
    ("heldout-378", "/tests/corpus/lang-heldout378.jsonl"),
    ("heldout-379", "/tests/corpus/lang-heldout379.jsonl"),
    ("heldout-380", "/tests/corpus/lang-heldout380.jsonl"),
    ("heldout-381", "/tests/corpus/lang-heldout381.jsonl"),
    ("heldout-382", "/tests/corpus/lang-heldout382.jsonl"),
    ("heldout-383", "/tests/corpus/lang-heldout383.jsonl"),
    ("heldout-384", "/tests/corpus/lang-heldout384.jsonl"),
    ("heldout-385", "/tests/corpus/lang-heldout385.jsonl"),
    ("heldout-386", "/tests/corpus/lang-heldout386.jsonl"),
    ("heldout-387", "/tests/corpus/lang-heldout387.jsonl"),
    ("heldout-388", "/tests/corpus/lang-heldout388.jsonl"),
    ("heldout-389", "/tests/corpus/lang-heldout389.jsonl"),
    ("heldout-390", "/tests/corpus/lang-heldout390.jsonl"),
    ("heldout-391", "/tests/corpus/lang-heldout391.jsonl"),
    ("heldout-392", "/tests/corpus/lang-heldout392.jsonl"),
    ("heldout-393", "/tests/corpus/lang-heldout393.jsonl"),
    ("heldout-394", "/tests/corpus/lang-heldout394.jsonl"),
    ("heldout-395", "/tests/corpus/lang-heldout395.jsonl"),
    ("heldout-396", "/tests/corpus/lang-heldout396.jsonl"),
    ("heldout-397", "/tests/corpus/lang-heldout397.jsonl"),
    ("heldout-398", "/tests/corpus/lang-heldout398.jsonl"),
    ("heldout-399", "/tests/corpus/lang-heldout399.jsonl"),
    ("heldout-400", "/tests/corpus/lang-heldout400.jsonl"),
    ("heldout-401", "/tests/corpus/lang-heldout401.jsonl"),
    ("heldout-402", "/tests/corpus/lang-heldout402.jsonl"),
    ("heldout-403", "/tests/corpus/lang-heldout403.jsonl"),
    ("heldout-404", "/tests/corpus/lang-heldout404.jsonl"),
    ("heldout-405", "/tests/corpus/lang-heldout405.jsonl"),
    ("heldout-406", "/tests/corpus/lang-heldout406.jsonl"),
    ("heldout-407", "/tests/corpus/lang-heldout407.jsonl"),
    ("heldout-408", "/tests/corpus/lang-heldout408.jsonl"),
    ("heldout-409", "/tests/corpus/lang-heldout409.jsonl"),
    ("heldout-410", "/tests/corpus/lang-heldout410.jsonl"),
    ("heldout-411", "/tests/corpus/lang-heldout411.jsonl"),
    ("heldout-412", "/tests/corpus/lang-heldout412.jsonl"),
    ("heldout-413", "/tests/corpus/lang-heldout413.jsonl"),
    ("heldout-414", "/tests/corpus/lang-heldout414.jsonl"),
    ("heldout-415", "/tests/corpus/lang-heldout415.jsonl"),
    ("heldout-416", "/tests/corpus/lang-heldout416.jsonl"),
    ("heldout-417", "/tests/corpus/lang-heldout417.jsonl"),
    ("heldout-418", "/tests/corpus/lang-heldout418.jsonl"),
    ("heldout-419", "/tests/corpus/lang-heldout419.jsonl"),
    ("heldout-420", "/tests/corpus/lang-heldout420.jsonl"),
    ("heldout-421", "/tests/corpus/lang-heldout421.jsonl"),
    ("heldout-422", "/tests/corpus/lang-heldout422.jsonl"),
    ("heldout-423", "/tests/corpus/lang-heldout423.jsonl"),
    ("heldout-424", "/tests/corpus/lang-heldout424.jsonl"),
    ("heldout-425", "/tests/corpus/lang-heldout425.jsonl"),
    ("heldout-426", "/tests/corpus/lang-heldout426.jsonl"),
    ("heldout-427", "/tests/corpus/lang-heldout427.jsonl"),
    ("heldout-428", "/tests/corpus/lang-heldout428.jsonl"),
    ("heldout-429", "/tests/corpus/lang-heldout429.jsonl"),
    ("heldout-430", "/tests/corpus/lang-heldout430.jsonl"),
    ("heldout-431", "/tests/corpus/lang-heldout431.jsonl"),
    ("heldout-432", "/tests/corpus/lang-heldout432.jsonl"),
    ("heldout-433", "/tests/corpus/lang-heldout433.jsonl"),
    ("heldout-434", "/tests/corpus/lang-heldout434.jsonl"),
    ("heldout-435", "/tests/corpus/lang-heldout435.jsonl"),
    ("heldout-436", "/tests/corpus/lang-heldout436.jsonl"),
    ("heldout-437", "/tests/corpus/lang-heldout437.jsonl"),
    ("heldout-438", "/tests/corpus/lang-heldout438.jsonl"),
    ("heldout-439", "/tests/corpus/lang-heldout439.jsonl"),
    ("heldout-440", "/tests/corpus/lang-heldout440.jsonl"),
    ("heldout-441", "/tests/corpus/lang-heldout441.jsonl"),
    ("heldout-442", "/tests/corpus/lang-heldout442.jsonl"),
    ("heldout-443", "/tests/corpus/lang-heldout443.jsonl"),
    ("heldout-444", "/tests/corpus/lang-heldout444.jsonl"),
    ("heldout-445", "/tests/corpus/lang-heldout445.jsonl"),
    ("heldout-446", "/tests/corpus/lang-heldout446.jsonl"),
    ("heldout-447", "/tests/corpus/lang-heldout447.jsonl"),
    ("heldout-448", "/tests/corpus/lang-heldout448.jsonl"),
    ("heldout-449", "/tests/corpus/lang-heldout449.jsonl"),
    ("heldout-450", "/tests/corpus/lang-heldout450.jsonl"),
    ("heldout-451", "/tests/corpus/lang-heldout451.jsonl"),
    ("heldout-452", "/tests/corpus/lang-heldout452.jsonl"),
    ("heldout-453", "/tests/corpus/lang-heldout453.jsonl"),
    ("heldout-454", "/tests/corpus/lang-heldout454.jsonl"),
    ("heldout-455", "/tests/corpus/lang-heldout455.jsonl"),
    ("heldout-456", "/tests/corpus/lang-heldout456.jsonl"),
    ("heldout-457", "/tests/corpus/lang-heldout457.jsonl"),
    ("heldout-458", "/tests/corpus/lang-heldout458.jsonl"),
    ("heldout-459", "/tests/corpus/lang-heldout459.jsonl"),
    ("heldout-460", "/tests/corpus/lang-heldout460.jsonl"),
    ("heldout-461", "/tests/corpus/lang-heldout461.jsonl"),
    ("heldout-462", "/tests/corpus/lang-heldout462.jsonl"),
    ("heldout-463", "/tests/corpus/lang-heldout463.jsonl"),
    ("heldout-464", "/tests/corpus/lang-heldout464.jsonl"),
    ("heldout-465", "/tests/corpus/lang-heldout465.jsonl"),
    ("heldout-466", "/tests/corpus/lang-heldout466.jsonl"),
    ("heldout-467", "/tests/corpus/lang-heldout467.jsonl"),
    ("heldout-468", "/tests/corpus/lang-heldout468.jsonl"),
    ("heldout-469", "/tests/corpus/lang-heldout469.jsonl"),
    ("heldout-470", "/tests/corpus/lang-heldout470.jsonl"),
    ("heldout-471", "/tests/corpus/lang-heldout471.jsonl"),
    ("heldout-472", "/tests/corpus/lang-heldout472.jsonl"),
    ("heldout-473", "/tests/corpus/lang-heldout473.jsonl"),
    ("heldout-474", "/tests/corpus/lang-heldout474.jsonl"),
    ("heldout-475", "/tests/corpus/lang-heldout475.jsonl"),
    ("heldout-476", "/tests/corpus/lang-heldout476.jsonl"),
    ("heldout-477", "/tests/corpus/lang-heldout477.jsonl"),
    ("heldout-478", "/tests/corpus/lang-heldout478.jsonl"),
    ("heldout-479", "/tests/corpus/lang-heldout479.jsonl"),
    ("heldout-480", "/tests/corpus/lang-heldout480.jsonl"),
    ("heldout-481", "/tests/corpus/lang-heldout481.jsonl"),
    ("heldout-482", "/tests/corpus/lang-heldout482.jsonl"),
    ("heldout-483", "/tests/corpus/lang-heldout483.jsonl"),
    ("heldout-484", "/tests/corpus/lang-heldout484.jsonl"),
    ("heldout-485", "/tests/corpus/lang-heldout485.jsonl"),
    ("heldout-486", "/tests/corpus/lang-heldout486.jsonl"),
    ("heldout-487", "/tests/corpus/lang-heldout487.jsonl"),
    ("heldout-488", "/tests/corpus/lang-heldout488.jsonl"),
    ("heldout-489", "/tests/corpus/lang-heldout489.jsonl"),
    ("heldout-490", "/tests/corpus/lang-heldout490.jsonl"),
    ("heldout-491", "/tests/corpus/lang-heldout491.jsonl"),
    ("heldout-492", "/tests/corpus/lang-heldout492.jsonl"),
    ("heldout-493", "/tests/corpus/lang-heldout493.jsonl"),
    ("heldout-494", "/tests/corpus/lang-heldout494.jsonl"),
    ("heldout-495", "/tests/corpus/lang-heldout495.jsonl"),
    ("heldout-496", "/tests/corpus/lang-heldout496.jsonl"),
    ("heldout-497", "/tests/corpus/lang-heldout497.jsonl"),
    ("heldout-498", "/tests/corpus/lang-heldout498.jsonl"),
    ("heldout-499", "/tests/corpus/lang-heldout499.jsonl"),
    ("heldout-500", "/tests/corpus/lang-heldout500.jsonl"),
    ("heldout-501", "/tests/corpus/lang-heldout501.jsonl"),
    ("heldout-502", "/tests/corpus/lang-heldout502.jsonl"),
    ("heldout-503", "/tests/corpus/lang-heldout503.jsonl"),
    ("heldout-504", "/tests/corpus/lang-heldout504.jsonl"),
    ("heldout-505", "/tests/corpus/lang-heldout505.jsonl"),
    ("heldout-506", "/tests/corpus/lang-heldout506.jsonl"),
    ("heldout-507", "/tests/corpus/lang-heldout507.jsonl"),
    ("heldout-508", "/tests/corpus/lang-heldout508.jsonl"),
    ("heldout-509", "/tests/corpus/lang-heldout509.jsonl"),
    ("heldout-510", "/tests/corpus/lang-heldout510.jsonl"),
    ("heldout-511", "/tests/corpus/lang-heldout511.jsonl"),
    ("heldout-512", "/tests/corpus/lang-heldout512.jsonl"),
    ("heldout-513", "/tests/corpus/lang-heldout513.jsonl"),
    ("heldout-514", "/tests/corpus/lang-heldout514.jsonl"),
    ("heldout-515", "/tests/corpus/lang-heldout515.jsonl"),
    ("heldout-516", "/tests/corpus/lang-heldout516.jsonl"),
    ("heldout-517", "/tests/corpus/lang-heldout517.jsonl"),
    ("heldout-518", "/tests/corpus/lang-heldout518.jsonl"),
    ("heldout-519", "/tests/corpus/lang-heldout519.jsonl"),
    ("heldout-520", "/tests/corpus/lang-heldout520.jsonl"),
    ("heldout-521", "/tests/corpus/lang-heldout521.jsonl"),
    ("heldout-522", "/tests/corpus/lang-heldout522.jsonl"),
    ("heldout-523", "/tests/corpus/lang-heldout523.jsonl"),
    ("heldout-524", "/tests/corpus/lang-heldout524.jsonl"),
    ("heldout-525", "/tests/corpus/lang-heldout525.jsonl"),
    ("heldout-526", "/tests/corpus/lang-heldout526.jsonl"),
    ("heldout-527", "/tests/corpus/lang-heldout527.jsonl"),
    ("heldout-528", "/tests/corpus/lang-heldout528.jsonl"),
    ("heldout-529", "/tests/corpus/lang-heldout529.jsonl"),
    ("heldout-530", "/tests/corpus/lang-heldout530.jsonl"),
    ("heldout-531", "/tests/corpus/lang-heldout531.jsonl"),
    ("heldout-532", "/tests/corpus/lang-heldout532.jsonl"),
    ("heldout-533", "/tests/corpus/lang-heldout533.jsonl"),
    ("heldout-534", "/tests/corpus/lang-heldout534.jsonl"),
    ("heldout-535", "/tests/corpus/lang-heldout535.jsonl"),
    ("heldout-536", "/tests/corpus/lang-heldout536.jsonl"),
    ("heldout-537", "/tests/corpus/lang-heldout537.jsonl"),
    ("heldout-538", "/tests/corpus/lang-heldout538.jsonl"),
    ("heldout-539", "/tests/corpus/lang-heldout539.jsonl"),
    ("heldout-540", "/tests/corpus/lang-heldout540.jsonl"),
    ("heldout-541", "/tests/corpus/lang-heldout541.jsonl"),
    ("heldout-542", "/tests/corpus/lang-heldout542.jsonl"),
    ("heldout-543", "/tests/corpus/lang-heldout543.jsonl"),
    ("heldout-544", "/tests/corpus/lang-heldout544.jsonl"),
    ("heldout-545", "/tests/corpus/lang-heldout545.jsonl"),
    ("heldout-546", "/tests/corpus/lang-heldout546.jsonl"),
    ("heldout-547", "/tests/corpus/lang-heldout547.jsonl"),
    ("heldout-548", "/tests/corpus/lang-heldout548.jsonl"),
    ("heldout-549", "/tests/corpus/lang-heldout549.jsonl"),
    ("heldout-550", "/tests/corpus/lang-heldout550.jsonl"),
    ("heldout-551", "/tests/corpus/lang-heldout551.jsonl"),
    ("heldout-552", "/tests/corpus/lang-heldout552.jsonl"),
    ("heldout-553", "/tests/corpus/lang-heldout553.jsonl"),
    ("heldout-554", "/tests/corpus/lang-heldout554.jsonl"),
    ("heldout-555", "/tests/corpus/lang-heldout555.jsonl"),
    ("heldout-556", "/tests/corpus/lang-heldout556.jsonl"),
    ("heldout-557", "/tests/corpus/lang-heldout557.jsonl"),
    ("heldout-558", "/tests/corpus/lang-heldout558.jsonl"),
    ("heldout-559", "/tests/corpus/lang-heldout559.jsonl"),
    ("heldout-560", "/tests/corpus/lang-heldout560.jsonl"),
    ("heldout-561", "/tests/corpus/lang-heldout561.jsonl"),
    ("heldout-562", "/tests/corpus/lang-heldout562.jsonl"),
    ("heldout-563", "/tests/corpus/lang-heldout563.jsonl"),
    ("heldout-564", "/tests/corpus/lang-heldout564.jsonl"),
    ("heldout-565", "/tests/corpus/lang-heldout565.jsonl"),
    ("heldout-566", "/tests/corpus/lang-heldout566.jsonl"),
    ("heldout-567", "/tests/corpus/lang-heldout567.jsonl"),
];

/// The page a user sees where the product shows the entry's code
/// (`shown_code.where`):
/// - `oauth_callback`: Gitea and Forgejo as OAuth clients. The identity
///   provider sends the browser back to `/user/oauth2/<name>/callback` with
///   `error=<code>`; Gitea answers with a redirect to its sign-in page, which
///   shows the localized message as a flash (routers/web/auth/oauth.go,
///   `SignInOAuthCallback`). The code is in the URL the browser visited,
///   which the recorder keeps in the trail.
fn shown_code_page(lang: &str, message: &str, shown: &Value) -> Value {
    let [login_title, login, ..] = chrome(lang);
    let code = shown["code"].as_str().unwrap();
    let now = 1_795_000_000_000i64;
    match shown["where"].as_str().unwrap() {
        "oauth_callback" => json!({
            "schema_version": 1,
            "url": "https://git.example.org/user/login",
            "page": {"status": 200, "title": login_title, "text": format!("{login}\n{message}"),
                     "alerts": [message], "lang": lang, "codes": [],
                     "forms": [{"action": "/user/login", "method": "post", "inputs": [
                        {"name": "user_name", "type": "text", "autocomplete": "username"},
                        {"name": "password", "type": "password", "autocomplete": "current-password"}]}]},
            "trail": [
                {"url": format!("https://git.example.org/user/oauth2/idp/callback?error={}&state=Q2hhbmdlTWU5ODc2", enc(code)),
                 "type": "main_frame", "status": 303,
                 "redirect_url": "https://git.example.org/user/login", "received_ms": now - 1_500},
                {"url": "https://git.example.org/user/login", "type": "main_frame",
                 "status": 200, "received_ms": now - 1_200}
            ],
            "env": {"now_ms": now}
        }),
        other => panic!("no page for codes shown at {other:?}"),
    }
}

#[test]
fn languages_corpus_per_language() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/lang.jsonl"
    ))
    .unwrap();
    let held_src: Vec<String> = HELD_OUT_ONLY
        .iter()
        .map(|(_, path)| {
            std::fs::read_to_string(format!("{}{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
        })
        .collect();
    let parse = |s: &str| -> Vec<Value> {
        s.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let corpus_len = parse(&src).len();
    let entries: Vec<Value> = parse(&src)
        .into_iter()
        .chain(held_src.iter().flat_map(|h| parse(h)))
        .collect();
    // lang -> (page pairs, bare-text pairs, codes captured, code cases, codes offered
    // for consent, doubtful right, doubtful)
    /// (gold, predicted) label pairs
    type Pairs = Vec<(String, String)>;
    #[derive(Default)]
    struct Tally {
        pages: Vec<(String, String)>,
        bare: Vec<(String, String)>,
        codes: (usize, usize),
        offered: usize,
        doubtful: (usize, usize),
        /// per held-out round: (page pairs, bare-text pairs)
        heldout: BTreeMap<&'static str, (Pairs, Pairs)>,
    }
    let mut by_lang: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    // How the held-out-only set's doubtful entries were read (not scored).
    let mut held_doubtful = Vec::new();
    for e in &entries {
        let lang = e["lang"].as_str().unwrap().to_owned();
        let text = e["text"].as_str().unwrap();
        let gold = e["label"].as_str().unwrap().to_owned();
        let doubtful = e["doubtful"].as_bool().unwrap_or(false);
        let heldout = HELDOUT
            .iter()
            .copied()
            .find(|s| e["set"].as_str() == Some(*s));
        // Held-out-only entries count in their own set, not in the corpus table.
        let held_set = HELD_OUT_ONLY
            .iter()
            .map(|(set, _)| *set)
            .find(|set| e["set"].as_str() == Some(*set));
        let held_only = held_set.is_some();
        let tag = held_set.map(|set| format!("[{set}] ")).unwrap_or_default();
        let t = by_lang.entry(lang.clone()).or_default();
        for (ctx, snap) in pages(&lang, text) {
            let pred = predicted(&diagnose(&snap));
            if doubtful {
                if held_only {
                    held_doubtful.push(format!(
                        "{tag}{lang} {ctx} {} labelled {gold}, read {pred}",
                        e["id"]
                    ));
                } else {
                    t.doubtful.1 += 1;
                    t.doubtful.0 += usize::from(pred == gold);
                }
                continue;
            }
            if pred != gold {
                misses.push(format!(
                    "{tag}{lang} {ctx} {}: want {gold} got {pred} | {text}",
                    e["id"]
                ));
            }
            if let Some(set) = heldout {
                t.heldout
                    .entry(set)
                    .or_default()
                    .0
                    .push((gold.clone(), pred.clone()));
            }
            if !held_only {
                t.pages.push((gold.clone(), pred));
            }
        }
        if doubtful {
            continue;
        }
        // Bare text, no lang attribute: the language comes from the text alone.
        let pred = predicted(&diagnose(
            &json!({"url": "https://id.example.org/login", "page": {"text": text}}),
        ));
        if pred != gold {
            misses.push(format!(
                "{tag}{lang} bare {}: want {gold} got {pred} | {text}",
                e["id"]
            ));
        }
        if let Some(set) = heldout {
            t.heldout
                .entry(set)
                .or_default()
                .1
                .push((gold.clone(), pred.clone()));
        }
        if held_only {
            continue;
        }
        t.bare.push((gold.clone(), pred));
        // Safe-code capture counts only codes the product really shows (the
        // entry's `shown_code`): a message key such as FirebaseUI's
        // `TooManyCodesSent` or Logto's `session.not_found` is never on the
        // page or in the URL, so there is nothing to capture.
        let Some(shown) = e.get("shown_code").filter(|v| v.is_object()) else {
            continue;
        };
        let code = shown["code"].as_str().unwrap();
        let snap = shown_code_page(&lang, text, shown);
        let d = diagnose(&snap);
        t.codes.1 += 1;
        // Not captured: offered for the user's consent (the popup's
        // "Include this code"), and then in the diagnosis.
        let offered = || {
            let mut with = snap.clone();
            with["page"]["included_codes"] = json!([code]);
            diagnose(&with)["safe_code"].as_str() == Some(code)
        };
        if d["safe_code"].as_str() == Some(code) {
            t.codes.0 += 1;
        } else if offered() {
            t.offered += 1;
            misses.push(format!(
                "{lang} code {}: {code:?} only offered for consent",
                e["id"]
            ));
        } else {
            misses.push(format!(
                "{lang} code {}: want {code:?} got {:?}",
                e["id"], d["safe_code"]
            ));
        }
    }
    println!(
        "\n== languages corpus: {corpus_len} entries (+{} held-out only, {:?})",
        entries.len() - corpus_len,
        HELD_OUT_ONLY
            .iter()
            .map(|(set, _)| *set)
            .collect::<Vec<_>>()
    );
    println!("  lang     n  pages-F1  bare-F1  shown-code-captured  offered  doubtful-as-labelled");
    let mut failing = Vec::new();
    let mut no_capture = Vec::new();
    for (lang, t) in &by_lang {
        let f1 = macro_f1(&t.pages);
        let bf1 = macro_f1(&t.bare);
        println!(
            "  {lang:<7} {:>3}  {f1:>8.3}  {bf1:>7.3}  {:>4}/{:<4}  {:>7}  {}/{}",
            t.bare.len(),
            t.codes.0,
            t.codes.1,
            t.offered,
            t.doubtful.0,
            t.doubtful.1
        );
        if f1 < 0.95 {
            failing.push(format!("{lang} {f1:.3}"));
        }
        if t.codes.1 == 0 || t.codes.0 < t.codes.1 {
            no_capture.push(format!("{lang} {}/{}", t.codes.0, t.codes.1));
        }
    }
    for set in HELDOUT {
        println!(
            "  held-out set {set:?} (products new to the corpus; see lang.md for its first run):"
        );
        println!("  lang     n  pages-F1  bare-F1");
        for (lang, t) in &by_lang {
            let Some((pages, bare)) = t.heldout.get(set) else {
                continue;
            };
            println!(
                "  {lang:<7} {:>3}  {:>8.3}  {:>7.3}",
                bare.len(),
                macro_f1(pages),
                macro_f1(bare)
            );
        }
    }
    for m in &misses {
        println!("  miss: {m}");
    }
    for d in &held_doubtful {
        println!("  doubtful: {d}");
    }
    assert!(failing.is_empty(), "macro-F1 below 0.95 in: {failing:?}");
    assert!(
        no_capture.is_empty(),
        "shown product codes not all captured in: {no_capture:?}"
    );
}

/// Wordings of our own (not copied from any product) for the five outcomes
/// in each language: how a product would commonly say them. A check that the
/// lexicons model the language rather than the corpus's two products.
/// A session that expired with the advice to sign in again is the sign-in's
/// session lost (`S`), as the label rules count a session timeout (thirteenth
/// session); so is a bare expired session on a page that names no code
/// (thirty-eighth session).
#[test]
fn own_wordings_per_language() {
    let cases: &[(&str, &str, &str)] = &[
        ("de", "I", "Der eingegebene Code ist falsch."),
        ("de", "X", "Die Anmeldung hat zu lange gedauert. Bitte beginnen Sie erneut."),
        ("de", "R", "Zu viele Anfragen. Bitte versuchen Sie es später noch einmal."),
        ("de", "S", "Cookie nicht gefunden. Bitte aktivieren Sie Cookies in Ihrem Browser."),
        ("de", "S", "Ungültiger Status-Parameter."),
        ("de", "O", "Benutzername oder Passwort ist falsch."),
        ("de", "R", "Ihr Konto wurde vorübergehend gesperrt."),
        ("de", "O", "Ihr Konto ist gesperrt. Wenden Sie sich an den Administrator."),
        ("de", "S", "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an."),
        ("de", "S", "Ihre Sitzung ist abgelaufen."),
        ("fr", "I", "Le code saisi est incorrect."),
        ("fr", "X", "Le délai de connexion est dépassé. Veuillez recommencer."),
        ("fr", "R", "Trop de requêtes. Veuillez réessayer plus tard."),
        ("fr", "S", "Cookie introuvable. Assurez-vous que les cookies sont activés dans votre navigateur."),
        ("fr", "O", "Nom d'utilisateur ou mot de passe invalide."),
        ("fr", "R", "Votre compte est temporairement verrouillé."),
        ("fr", "O", "Compte désactivé."),
        ("fr", "S", "Votre session a expiré. Veuillez vous reconnecter."),
        ("fr", "I", "Code d'authentification invalide."),
        ("fr", "S", "Paramètre state invalide."),
        ("es", "I", "El código introducido no es correcto."),
        ("es", "X", "Se agotó el tiempo de inicio de sesión. Vuelva a empezar."),
        ("es", "R", "Demasiadas solicitudes. Inténtalo de nuevo más tarde."),
        ("es", "S", "No se encontró la cookie. Asegúrate de que las cookies estén habilitadas en tu navegador."),
        ("es", "O", "Usuario o contraseña no válidos."),
        ("es", "R", "Tu cuenta está bloqueada temporalmente."),
        ("es", "S", "Tu sesión ha expirado. Vuelve a iniciar sesión."),
        ("es", "I", "Código de autenticación no válido."),
        ("pt", "I", "O código informado está incorreto."),
        ("pt", "X", "O tempo para login esgotou. Comece novamente."),
        ("pt", "R", "Muitas solicitações. Tente novamente mais tarde."),
        ("pt", "S", "Cookie não encontrado. Verifique se os cookies estão ativados no seu navegador."),
        ("pt", "O", "Usuário ou senha inválidos."),
        ("pt", "R", "Sua conta foi bloqueada temporariamente."),
        ("pt", "S", "Sua sessão expirou. Faça login novamente."),
        ("pt", "I", "Código de autenticação inválido."),
        ("it", "I", "Il codice inserito non è corretto."),
        ("it", "X", "Tempo di accesso scaduto. Ricomincia."),
        ("it", "R", "Troppe richieste. Riprova più tardi."),
        ("it", "S", "Cookie non trovato. Assicurati che i cookie siano abilitati nel browser."),
        ("it", "O", "Nome utente o password non validi."),
        ("it", "R", "Il tuo account è stato bloccato temporaneamente."),
        ("it", "S", "La tua sessione è scaduta. Accedi di nuovo."),
        ("nl", "I", "De ingevoerde code is onjuist."),
        ("nl", "X", "De aanmelding duurde te lang. Begin opnieuw."),
        ("nl", "R", "Te veel verzoeken. Probeer het later opnieuw."),
        ("nl", "S", "Cookie niet gevonden. Zorg dat cookies zijn ingeschakeld in je browser."),
        ("nl", "O", "Ongeldige gebruikersnaam of wachtwoord."),
        ("nl", "R", "Je account is tijdelijk geblokkeerd."),
        ("nl", "S", "Je sessie is verlopen. Log opnieuw in."),
        ("pl", "I", "Wprowadzony kod jest nieprawidłowy."),
        ("pl", "X", "Przekroczono czas logowania. Zacznij od nowa."),
        ("pl", "R", "Zbyt wiele żądań. Spróbuj ponownie później."),
        ("pl", "S", "Nie znaleziono pliku cookie. Upewnij się, że obsługa plików cookie jest włączona."),
        ("pl", "O", "Nieprawidłowa nazwa użytkownika lub hasło."),
        ("pl", "R", "Twoje konto zostało tymczasowo zablokowane."),
        ("pl", "S", "Twoja sesja wygasła. Zaloguj się ponownie."),
        ("tr", "I", "Girdiğiniz kod hatalı."),
        ("tr", "X", "Giriş zaman aşımına uğradı. Lütfen baştan başlayın."),
        ("tr", "R", "Çok fazla istek. Lütfen daha sonra tekrar deneyin."),
        ("tr", "S", "Çerez bulunamadı. Tarayıcınızda çerezlerin etkin olduğundan emin olun."),
        ("tr", "O", "Geçersiz kullanıcı adı veya şifre."),
        ("tr", "R", "Hesabınız geçici olarak kilitlendi."),
        ("tr", "S", "Oturumunuzun süresi doldu. Lütfen tekrar giriş yapın."),
        ("ja", "I", "入力したコードが正しくありません。"),
        ("ja", "X", "ログインがタイムアウトしました。最初からやり直してください。"),
        ("ja", "R", "リクエストが多すぎます。しばらくしてからもう一度お試しください。"),
        ("ja", "S", "Cookieが見つかりません。ブラウザでCookieが有効になっていることを確認してください。"),
        ("ja", "O", "ユーザー名またはパスワードが無効です。"),
        ("ja", "R", "アカウントが一時的にロックされています。"),
        ("ja", "S", "セッションの有効期限が切れました。再度ログインしてください。"),
        ("ja", "S", "セッションの有効期限が切れました。"),
        ("ja", "I", "認証コードが無効です。"),
        ("zh-Hans", "I", "您输入的验证码不正确。"),
        ("zh-Hans", "X", "登录超时，请重新开始。"),
        ("zh-Hans", "R", "请求过于频繁，请稍后再试。"),
        ("zh-Hans", "S", "未找到 Cookie。请确保浏览器已启用 Cookie。"),
        ("zh-Hans", "O", "用户名或密码无效。"),
        ("zh-Hans", "R", "您的账户已被暂时锁定。"),
        ("zh-Hans", "S", "会话已过期，请重新登录。"),
        ("zh-Hans", "I", "动态码错误"),
        ("ko", "I", "입력한 코드가 올바르지 않습니다."),
        ("ko", "X", "로그인 시간이 초과되었습니다. 처음부터 다시 시작하세요."),
        ("ko", "R", "요청이 너무 많습니다. 나중에 다시 시도하세요."),
        ("ko", "S", "쿠키를 찾을 수 없습니다. 브라우저에서 쿠키가 활성화되어 있는지 확인하세요."),
        ("ko", "O", "사용자 이름 또는 비밀번호가 잘못되었습니다."),
        ("ko", "R", "계정이 일시적으로 잠겼습니다."),
        ("ko", "S", "세션이 만료되었습니다. 다시 로그인하세요."),
        // The forty-third session's reviews (r81 to r84).
        ("en", "S", "You were logged out due to inactivity."),
        ("pt", "S", "A sua sessão terminou. Inicie sessão novamente."),
        ("zh-Hans", "I", "请输入正确的六位短信验证码"),
        ("fr", "R", "Attends une minute avant de renvoyer le code."),
        ("es", "R", "Inténtalo de nuevo después de 30 s"),
        ("nl", "S", "Deze pagina stond te lang open, herlaad hem en probeer het opnieuw."),
        ("de", "O", "Sie haben die maximale Anzahl gleichzeitiger Streams für Ihr Abo erreicht."),
        ("tr", "O", "Kampanya kodunun süresi doldu."),
        ("ja", "O", "ログイン中です。お待ちください。"),
        ("it", "S", "Stai accedendo al sistema da un IP diverso. Per favore rifai il login."),
    ];
    let mut wrong = Vec::new();
    for (lang, want, text) in cases {
        let want = match *want {
            "I" => "mfa_invalid_code",
            "X" => "mfa_challenge_expired",
            "R" => "mfa_rate_limited",
            "S" => "session_proxy_cookie",
            _ => "other",
        };
        let got = predicted(&diagnose(
            &json!({"url": "https://id.example.org/login", "page": {"text": text, "lang": lang}}),
        ));
        if got != want {
            wrong.push(format!("{lang}: want {want} got {got} | {text}"));
        }
    }
    println!(
        "own wordings: {}/{} as expected",
        cases.len() - wrong.len(),
        cases.len()
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
}
