/* lexer.c -- see lexer.h and token.h.
 *
 * A re-reading of CPython 3.11.7's Parser/tokenizer.c (file input) and of
 * the parts of Parser/pegen_errors.c that turn its error codes into
 * SyntaxErrors.  The state mirrors tok_state with offsets for pointers;
 * where CPython's results depend on its buffer management (which offsets
 * count from where), the comments say so.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/lexer.h"
#include "objects/utf8.h"

#define TABSIZE 8      /* tabs go to the next multiple of 8 ... */
#define ALTTABSIZE 1   /* ... and, for the consistency check, of 1 */
#define MAXINDENT 100  /* tok->indstack: 99 levels */
#define MAXLEVEL 200   /* tok->parenstack */
#define ERRTEXT_CHUNK 999  /* err_programtext reads lines through a 1000-byte buffer */
#define NO_START (-1)  /* tok->start == NULL: no token under way */
#define EOF_C (-1)

/* ------------------------------------------------------------ token.h */

static const char *const kind_names[] = {
#define TOK_X_NAME(name) #name,
    TOK_KINDS(TOK_X_NAME)
#undef TOK_X_NAME
};

static const char *const op_names[] = {
    "",
#define TOK_X_OPNAME(name, text) #name,
    TOK_OPS(TOK_X_OPNAME)
#undef TOK_X_OPNAME
    "OP",
};

static const char *const op_texts[] = {
    "",
#define TOK_X_OPTEXT(name, text) text,
    TOK_OPS(TOK_X_OPTEXT)
#undef TOK_X_OPTEXT
    "",
};

static const char *const keywords[] = {
#define TOK_X_KW(word) #word,
    TOK_KEYWORDS(TOK_X_KW)
#undef TOK_X_KW
};

static const char *const soft_keywords[] = {
#define TOK_X_SKW(word) #word,
    TOK_SOFT_KEYWORDS(TOK_X_SKW)
#undef TOK_X_SKW
};

const char *tok_kind_name(TokKind kind)
{
    return (unsigned)kind < TOK_KIND_COUNT ? kind_names[kind] : "";
}

const char *tok_op_name(TokOp op)
{
    return (unsigned)op < TOP_COUNT ? op_names[op] : "";
}

const char *tok_op_text(TokOp op)
{
    return (unsigned)op < TOP_COUNT ? op_texts[op] : "";
}

TokOp tok_op_lookup(const char *s, size_t n)
{
    if (n == 2 && s[0] == '<' && s[1] == '>') return TOP_NOTEQUAL;
    for (int op = TOP_NONE + 1; op < TOP_OTHER; op++)
        if (strlen(op_texts[op]) == n && !memcmp(op_texts[op], s, n)) return (TokOp)op;
    return TOP_NONE;
}

static int in_list(const char *const *list, size_t count, const char *s, size_t n)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], s, n)) return 1;
    return 0;
}

int tok_is_keyword(const char *s, size_t n)
{
    return in_list(keywords, sizeof keywords / sizeof *keywords, s, n);
}

int tok_is_soft_keyword(const char *s, size_t n)
{
    return in_list(soft_keywords, sizeof soft_keywords / sizeof *soft_keywords, s, n);
}

/* ------------------------------------------------------------ Unicode */

/* Runs of code points from 0x80 up, each `first << 2 | LexUniClass`, from
 * unicodedata 14.0.0: `python3 tests/compiler/gen_tokens.py --unicode-table`
 * (tests/data/compiler/tokens/unicode.txt checks it). */
static const uint32_t uni_runs[2082] = {
    512,645,683,685,692,697,727,729,734,737,747,749,
    771,861,867,989,995,2825,2843,2889,2947,2965,2995,2997,
    3003,3005,3074,3523,3541,3547,3552,3561,3567,3577,3583,3584,
    3601,3611,3614,3619,3628,3635,3636,3643,3720,3727,4057,4063,
    4617,4622,4641,4651,5312,5319,5468,5479,5481,5507,5669,5676,
    5685,5696,5702,5881,5886,5889,5894,5901,5906,5913,5918,5920,
    5955,6060,6079,6093,6100,6169,6210,6253,6256,6261,6275,6446,
    6569,6587,6594,6599,6993,6999,7002,7028,7033,7038,7063,7070,
    7077,7082,7099,7106,7147,7157,7167,7169,7224,7235,7238,7243,
    7362,7468,7479,7834,7879,7880,7938,7979,8110,8147,8153,8171,
    8172,8182,8185,8195,8282,8299,8302,8339,8342,8355,8358,8376,
    8385,8444,8451,8550,8560,8569,8572,8579,8620,8643,8737,8743,
    8764,8802,8835,9002,9096,9102,9235,9450,9463,9466,9539,9542,
    9571,9610,9617,9626,9665,9671,9734,9744,9751,9780,9791,9796,
    9807,9892,9899,9924,9931,9932,9947,9960,9970,9975,9978,10004,
    10014,10020,10030,10043,10044,10078,10080,10099,10104,10111,10122,10128,
    10138,10179,10185,10227,10229,10234,10236,10246,10256,10263,10284,10303,
    10308,10319,10404,10411,10436,10443,10448,10455,10460,10467,10472,10482,
    10484,10490,10508,10526,10532,10542,10552,10566,10568,10599,10612,10619,
    10620,10650,10699,10710,10713,10716,10758,10768,10775,10808,10815,10824,
    10831,10916,10923,10948,10955,10960,10967,10984,10994,10999,11002,11032,
    11038,11048,11054,11064,11075,11076,11139,11146,11152,11162,11201,11208,
    11239,11242,11264,11270,11280,11287,11316,11327,11332,11343,11428,11435,
    11460,11467,11472,11479,11496,11506,11511,11514,11540,11550,11556,11566,
    11576,11606,11616,11635,11640,11647,11658,11664,11674,11713,11719,11721,
    11744,11786,11791,11792,11799,11820,11835,11844,11851,11864,11879,11884,
    11891,11892,11899,11904,11919,11924,11939,11948,11963,12008,12026,12044,
    12058,12068,12074,12088,12099,12100,12126,12128,12186,12225,12268,12290,
    12311,12340,12347,12356,12363,12452,12459,12520,12530,12535,12538,12564,
    12570,12580,12586,12600,12630,12636,12643,12652,12663,12664,12675,12682,
    12688,12698,12736,12765,12803,12806,12817,12823,12852,12859,12868,12875,
    12964,12971,13008,13015,13032,13042,13047,13050,13076,13082,13092,13098,
    13112,13142,13148,13175,13180,13187,13194,13200,13210,13248,13255,13260,
    13314,13331,13364,13371,13380,13387,13550,13559,13562,13588,13594,13604,
    13610,13627,13629,13632,13651,13662,13665,13695,13706,13712,13722,13761,
    13803,13824,13830,13840,13847,13916,13931,14024,14031,14064,14071,14072,
    14083,14108,14122,14124,14142,14164,14170,14172,14178,14208,14234,14272,
    14282,14289,14292,14343,14534,14539,14542,14572,14589,14595,14622,14653,
    14658,14697,14704,14855,14860,14867,14868,14875,14892,14899,14992,14999,
    15000,15007,15046,15051,15054,15095,15096,15107,15124,15131,15132,15138,
    15160,15170,15208,15219,15232,15363,15365,15458,15465,15490,15529,15574,
    15577,15582,15585,15590,15593,15610,15619,15648,15655,15796,15814,15893,
    15898,15907,15926,15968,15974,16116,16121,16154,16157,16180,16185,16236,
    16387,16558,16639,16642,16681,16707,16730,16747,16762,16775,16778,16791,
    16798,16827,16838,16855,16906,16955,16958,17017,17027,17176,17183,17184,
    17207,17208,17219,17389,17395,18724,18731,18744,18755,18780,18787,18788,
    18795,18808,18819,18980,18987,19000,19011,19140,19147,19160,19171,19196,
    19203,19204,19211,19224,19235,19292,19299,19524,19531,19544,19555,19820,
    19830,19841,19878,19913,19956,19971,20033,20072,20099,20440,20451,20472,
    20481,20487,22965,22975,23040,23047,23149,23156,23171,23469,23483,23524,
    23555,23626,23640,23679,23754,23765,23772,23811,23882,23888,23939,23988,
    23995,24004,24010,24016,24067,24274,24401,24415,24417,24435,24438,24440,
    24450,24488,24513,24552,24577,24622,24632,24638,24680,24707,25060,25091,
    25254,25259,25260,25283,25560,25603,25724,25730,25776,25794,25840,25857,
    25860,25873,25882,25923,26040,26051,26068,26115,26288,26307,26408,26434,
    26476,26489,26627,26718,26736,26745,26755,26966,27004,27010,27124,27134,
    27176,27202,27240,27265,27295,27297,27320,27330,27385,27390,27452,27650,
    27671,27858,27927,27956,27970,28009,28078,28113,28156,28162,28175,28294,
    28347,28354,28395,28570,28624,28657,28675,28818,28896,28909,28930,28968,
    28983,28994,29035,29177,29187,29220,29251,29420,29431,29441,29472,29506,
    29517,29522,29607,29622,29627,29650,29655,29662,29675,29676,29699,30466,
    30723,31832,31843,31864,31875,32024,32035,32056,32067,32096,32103,32104,
    32111,32112,32119,32120,32127,32248,32259,32468,32475,32501,32507,32509,
    32523,32532,32539,32565,32579,32592,32603,32624,32629,32643,32693,32704,
    32715,32724,32731,32757,32764,32833,32928,32961,33022,33029,33106,33109,
    33148,33217,33223,33224,33233,33279,33281,33340,33347,33396,33409,33540,
    33602,33653,33670,33673,33686,33732,33793,33803,33805,33823,33825,33835,
    33873,33879,33881,33891,33913,33939,33941,33947,33949,33955,33957,33963,
    34025,34035,34049,34071,34089,34107,34109,34179,34341,34352,34369,37020,
    37121,37164,37249,44496,44505,44632,44637,45059,45973,45999,46014,46027,
    46032,46053,46083,46232,46239,46240,46263,46264,46275,46496,46527,46529,
    46532,46590,46595,46684,46723,46748,46755,46780,46787,46812,46819,46844,
    46851,46876,46883,46908,46915,46940,46947,46972,46978,47105,47480,47617,
    47720,47725,48080,48129,48984,49089,49136,49157,49175,49185,49287,49322,
    49345,49351,49369,49379,49397,49408,49415,49756,49766,49773,49783,49793,
    49799,50157,50163,50176,50199,50368,50375,50748,50753,50819,50945,51088,
    51139,51201,51324,51329,53251,79617,79875,168500,168513,168732,168771,168953,
    168963,170037,170051,170114,170155,170160,170243,170430,170433,170450,170489,170495,
    170618,170627,170946,170953,170976,171009,171103,171137,171147,171557,171567,171820,
    171843,171848,171855,171856,171863,171880,171979,172042,172047,172058,172063,172078,
    172083,172174,172193,172210,172212,172225,172264,172291,172497,172512,172546,172555,
    172754,172824,172857,172866,172904,172930,173003,173025,173039,173041,173047,173054,
    173099,173210,173241,173251,173342,173392,173437,173443,173556,173570,173587,173774,
    173829,173880,173887,173890,173928,173945,173955,173974,173979,174018,174059,174076,
    174083,174246,174300,174339,174350,174355,174386,174392,174402,174440,174449,174467,
    174557,174571,174574,174587,174786,174791,174794,174807,174814,174823,174842,174851,
    174854,174859,174860,174959,174969,174979,175022,175041,175051,175062,175068,175111,
    175132,175143,175164,175175,175196,175235,175260,175267,175292,175299,175469,175475,
    175529,175536,175555,176014,176045,176050,176056,176066,176104,176131,220816,220867,
    220956,220975,221168,254979,256440,256451,256872,257027,257052,257103,257120,257143,
    257146,257151,257189,257195,257244,257251,257268,257275,257276,257283,257288,257295,
    257300,257307,257737,257804,257871,258425,258451,259321,259395,259648,259659,259872,
    259901,259904,260035,260073,260098,260161,260200,260226,260289,260302,260309,260406,
    260417,260428,260433,260508,260513,260528,260545,260551,260553,260559,260561,260564,
    260569,260575,260577,260583,260585,260591,260593,260599,260601,260607,261108,261125,
    261186,261225,261255,261357,261374,261377,261383,261485,261531,261754,261763,261884,
    261899,261920,261931,261952,261963,261984,261995,262004,262017,262044,262049,262076,
    262129,262136,262147,262192,262199,262300,262307,262380,262387,262392,262399,262456,
    262467,262520,262659,263148,263169,263180,263197,263376,263389,263427,263637,263740,
    263745,263796,263809,263812,264001,264182,264184,264707,264820,264835,265028,265090,
    265093,265200,265219,265345,265360,265399,265516,265539,265690,265708,265731,265848,
    265853,265859,266000,266019,266049,266055,266072,266243,266872,266882,266920,266947,
    267088,267107,267248,267267,267424,267459,267664,267709,267715,267756,267763,267820,
    267827,267852,267859,267864,267871,267912,267919,267976,267983,268008,268015,268020,
    268291,269532,269571,269656,269699,269728,269827,269848,269855,270020,270027,270060,
    270339,270360,270371,270372,270379,270552,270559,270564,270579,270580,270591,270680,
    270685,270723,270813,270851,270972,271005,271040,271235,271308,271315,271320,271341,
    271363,271449,271472,271485,271491,271592,271613,271616,271875,272096,272113,272123,
    272129,272192,272201,272387,272390,272400,272406,272412,272434,272451,272464,272471,
    272480,272487,272600,272610,272620,272638,272641,272676,272705,272740,272771,272885,
    272899,273013,273024,273155,273185,273191,273302,273308,273325,273372,273411,273624,
    273637,273667,273752,273761,273795,273868,273889,273923,273992,274021,274036,274085,
    274112,274435,274724,274947,275148,275203,275404,275433,275459,275602,275616,275650,
    275688,276865,276988,276995,277160,277166,277173,277176,277187,277192,277507,277621,
    277663,277664,277699,277786,277829,277864,277955,278026,278041,278056,278211,278293,
    278320,278403,278492,278530,278543,278754,278813,278840,278857,278938,278983,278990,
    278999,279000,279038,279055,279234,279277,279284,279289,279306,279308,279363,279460,
    279490,279528,279554,279567,279710,279764,279770,279809,279827,279830,279839,279840,
    279875,280014,280017,280027,280028,280066,280079,280270,280327,280341,280358,280373,
    280378,280427,280429,280435,280437,280448,280453,280532,280579,280648,280655,280754,
    280801,280826,280828,281091,281116,281123,281124,281131,281144,281151,281208,281215,
    281253,281256,281283,281470,281516,281538,281576,281602,281616,281623,281652,281663,
    281668,281679,281764,281771,281796,281803,281808,281815,281832,281838,281847,281850,
    281876,281886,281892,281902,281912,281923,281924,281950,281952,281975,281994,282000,
    282010,282036,282050,282068,282627,282838,282911,282925,282946,282985,282992,282997,
    283002,283007,283016,283139,283330,283411,283417,283423,283424,283458,283496,284163,
    284350,284376,284386,284421,284515,284530,284536,284675,284866,284933,284947,284948,
    284994,285032,285057,285108,285187,285358,285411,285413,285416,285442,285480,285699,
    285804,285814,285872,285890,285929,285955,285980,286723,286898,286957,286960,287363,
    287618,287657,287692,287743,287772,287783,287784,287795,287824,287831,287836,287843,
    287938,287960,287966,287972,287982,287999,288002,288007,288010,288017,288028,288066,
    288104,288387,288416,288427,288582,288608,288618,288647,288649,288655,288658,288660,
    288771,288774,288815,288974,289003,289006,289021,289054,289056,289091,289094,289139,
    289322,289385,289399,289401,289420,289475,289764,290819,290852,290859,291006,291036,
    291042,291075,291077,291096,291138,291177,291252,291265,291275,291392,291402,291488,
    291494,291548,291843,291868,291875,291880,291887,292038,292060,292074,292076,292082,
    292088,292094,292123,292126,292128,292162,292200,292227,292248,292255,292260,292267,
    292394,292412,292418,292424,292430,292451,292452,292482,292520,293763,293838,293853,
    293860,294595,294596,294657,294856,294909,294915,298600,299011,299452,299457,299476,
    299523,300304,310851,311237,311244,311299,315580,331779,334108,368643,370916,370947,
    371068,371074,371112,371129,371139,371452,371458,371496,371523,371640,371650,371669,
    371672,371715,371906,371933,371971,371985,371992,372034,372072,372077,372104,372111,
    372192,372215,372288,375043,375297,375404,375811,376108,376126,376131,376134,376352,
    376382,376399,376448,376707,376713,376719,376722,376724,376770,376776,376835,401376,
    401411,406360,406531,406564,442307,442320,442327,442352,442359,442364,442371,443532,
    443715,443724,443795,443808,443843,445424,454659,455084,455107,455156,455171,455204,
    455235,455272,455281,455286,455293,455296,474114,474296,474306,474396,474433,474896,
    475137,476120,476161,476316,476325,476566,476585,476598,476620,476654,476685,476694,
    476721,476842,476857,477100,477185,477450,477461,477464,478081,478160,478209,478556,
    478593,478692,479235,479572,479579,479860,479867,479872,479883,479884,479895,479900,
    479911,479924,479931,479976,479983,479984,479991,480016,480023,480280,480287,480300,
    480311,480340,480347,480372,480379,480488,480495,480508,480515,480532,480539,480540,
    480555,480580,480587,481944,481955,482053,482059,482157,482163,482285,482291,482389,
    482395,482517,482523,482621,482627,482749,482755,482853,482859,482981,482987,483085,
    483091,483120,483130,483329,485378,485597,485614,485813,485846,485849,485906,485909,
    485936,485998,486016,486022,486080,490499,490620,491522,491548,491554,491620,491630,
    491656,491662,491668,491674,491692,492547,492724,492738,492767,492792,492802,492840,
    492859,492861,492864,494147,494266,494268,494339,494514,494568,494589,494592,499587,
    499612,499619,499632,499639,499644,499651,499708,499715,500500,500509,500546,500572,
    500739,501010,501039,501040,501058,501096,501113,501120,504261,504532,504837,505080,
    505859,505872,505879,505984,505991,505996,506003,506004,506015,506016,506023,506060,
    506067,506080,506087,506088,506095,506096,506123,506124,506143,506144,506151,506152,
    506159,506160,506167,506176,506183,506188,506195,506196,506207,506208,506215,506216,
    506223,506224,506231,506232,506239,506240,506247,506252,506259,506260,506271,506284,
    506291,506316,506323,506336,506343,506356,506363,506364,506371,506408,506415,506480,
    506503,506512,506519,506536,506543,506608,506817,506824,507905,508080,508097,508496,
    508545,508604,508613,508672,508677,508736,508741,508888,508929,509624,509849,509964,
    510017,510192,510209,510244,510273,510280,510337,510360,510977,514912,514933,514996,
    515009,515060,515073,515536,515585,515940,515969,516016,516033,516036,516097,516144,
    516161,516384,516417,516456,516481,516640,516673,516792,516801,516808,517121,518480,
    518529,518584,518593,518612,518625,518644,518657,518684,518721,518836,518849,518892,
    518913,518936,518977,519016,519041,519072,519105,519132,519169,519756,519761,519980,
    520130,520168,524291,695168,695299,711908,711939,712824,712835,735880,735939,765828,
    778243,780408,786435,806188,3671042,3672000,
};

LexUniClass lex_unicode_class(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp < 0x20 || cp == 0x7f) return LEXU_NONPRINTABLE;
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return LEXU_XID_START;
        if ((cp >= '0' && cp <= '9') || cp == '_') return LEXU_XID_CONTINUE;
        return LEXU_PRINTABLE;
    }
    if (cp > 0x10ffff) return LEXU_NONPRINTABLE;
    size_t lo = 0, hi = sizeof uni_runs / sizeof *uni_runs;
    while (hi - lo > 1) {  /* the last run starting at or below cp */
        size_t mid = lo + (hi - lo) / 2;
        if ((uni_runs[mid] >> 2) <= cp) lo = mid; else hi = mid;
    }
    return (LexUniClass)(uni_runs[lo] & 3);
}

/* ------------------------------------------------------------ UTF-8 */

/* One step of a strict UTF-8 decoder, as Python's: the length of the valid
 * sequence at s[0..n) (its code point in *cp), or 0 with *bad the length of
 * the maximal invalid subpart and *why Python's reason for it. */
static size_t utf8_step(const unsigned char *s, size_t n, uint32_t *cp, size_t *bad,
                        const char **why)
{
    unsigned c = s[0];
    size_t need;
    unsigned lo = 0x80, hi = 0xbf;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xc2 || c > 0xf4) {
        *bad = 1;
        *why = "invalid start byte";
        return 0;
    }
    if (c < 0xe0) {
        need = 1;
        *cp = c & 0x1f;
    } else if (c < 0xf0) {
        need = 2;
        *cp = c & 0x0f;
        if (c == 0xe0) lo = 0xa0;   /* overlong */
        if (c == 0xed) hi = 0x9f;   /* surrogates */
    } else {
        need = 3;
        *cp = c & 0x07;
        if (c == 0xf0) lo = 0x90;   /* overlong */
        if (c == 0xf4) hi = 0x8f;   /* beyond U+10FFFF */
    }
    for (size_t i = 1; i <= need; i++) {
        if (i >= n) {
            *bad = i;
            *why = "unexpected end of data";
            return 0;
        }
        if (s[i] < lo || s[i] > hi) {
            *bad = i;
            *why = "invalid continuation byte";
            return 0;
        }
        lo = 0x80, hi = 0xbf;
        *cp = (*cp << 6) | (s[i] & 0x3f);
    }
    return need + 1;
}

/* Characters in s[0..n) decoded with errors="replace". */
static size_t count_chars(const char *s, size_t n)
{
    size_t pos = 0, chars = 0;
    while (pos < n) {
        uint32_t cp;
        size_t bad;
        const char *why;
        size_t k = utf8_step((const unsigned char *)s + pos, n - pos, &cp, &bad, &why);
        pos += k ? k : bad;
        chars++;
    }
    return chars;
}

/* s[0..n) decoded with errors="replace" and encoded again (what CPython's
 * str of it holds), malloc'd and NUL-terminated. */
static char *decode_replace(const char *s, size_t n, size_t *outlen)
{
    char *out = malloc(3 * n + 1);
    size_t pos = 0, o = 0;
    if (!out) return NULL;
    while (pos < n) {
        uint32_t cp;
        size_t bad;
        const char *why;
        size_t k = utf8_step((const unsigned char *)s + pos, n - pos, &cp, &bad, &why);
        if (k) {
            memcpy(out + o, s + pos, k);
            o += k;
            pos += k;
        } else {
            memcpy(out + o, "\xef\xbf\xbd", 3);
            o += 3;
            pos += bad;
        }
    }
    out[o] = 0;
    *outlen = o;
    return out;
}

/* Offset of the first invalid sequence in s[0..n), or n. */
static size_t utf8_invalid_at(const char *s, size_t n)
{
    size_t pos = 0;
    while (pos < n) {
        uint32_t cp;
        size_t bad;
        const char *why;
        size_t k = utf8_step((const unsigned char *)s + pos, n - pos, &cp, &bad, &why);
        if (!k) return pos;
        pos += k;
    }
    return n;
}


/* ------------------------------------------------------------ the state */

struct Lexer {
    char *src;           /* the copy: BOM dropped, newlines translated, '\n'-terminated */
    size_t n;            /* its length (a NUL follows) */
    char *filename;
    int bom;             /* the file began with a BOM (error texts of line 1 keep it) */
    int final_newline;   /* the file's last line had a newline of its own */
    int encoding;        /* tok->encoding != NULL: a BOM or a coding cookie */
    int coding_checked;  /* tok->decoding_state == STATE_NORMAL */

    /* tok_state's pointers as offsets into src */
    size_t cur, inp;     /* next byte; end of the lines read so far */
    size_t line_start;   /* start of the line being read */
    size_t buf_start;    /* tok->buf: where CPython's line buffer begins */
    size_t multi_line_start;
    long start;          /* token start, or NO_START */
    int lineno, first_lineno;
    int at_eof;          /* tok->done == E_EOF */

    int atbol, pendin, indent, level;
    int indstack[MAXINDENT], altindstack[MAXINDENT];
    char parenstack[MAXLEVEL];
    int parenlinenostack[MAXLEVEL], parencolstack[MAXLEVEL];

    LexWarning *warnings;
    size_t nwarnings, warnings_cap;
    int ended;           /* ENDMARKER handed out */
    int pending;         /* err recorded, not yet reported (null bytes) */
    int failed;
    LexError err;
    char *err_msg, *err_text;
};

static void clear_error(Lexer *L)
{
    free(L->err_msg);
    free(L->err_text);
    L->err_msg = L->err_text = NULL;
}

static int out_of_memory(Lexer *L)
{
    clear_error(L);
    memset(&L->err, 0, sizeof L->err);
    L->err.code = LEXE_NOMEM;
    L->err.type = "MemoryError";
    L->err.msg = "out of memory";
    L->failed = 1;
    return -1;
}

/* Records the first error only: later ones are consequences (CPython's
 * _syntaxerror_range refuses to overwrite, and pegen reports a pending
 * exception before its own). `msg` and `text` are malloc'd, taken over. */
static int fail(Lexer *L, LexErrorCode code, const char *type, char *msg, int lineno,
                int offset, int end_lineno, int end_offset, char *text, size_t text_len)
{
    if (L->failed || L->pending) {
        free(msg);
        free(text);
        return -1;
    }
    if (!msg) {
        free(text);
        return out_of_memory(L);
    }
    L->failed = 1;
    L->err_msg = msg;
    L->err_text = text;
    L->err = (LexError){code, type, msg, lineno, offset, end_lineno, end_offset, text, text_len};
    return -1;
}

static char *vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *s = n < 0 ? NULL : malloc((size_t)n + 1);
    if (s) vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

#if defined(__GNUC__)
#define LEX_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define LEX_PRINTF(f, a)
#endif

static char *format(const char *fmt, ...) LEX_PRINTF(1, 2);
static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    return s;
}

/* ------------------------------------------------------------ error texts */

/* Line `lineno` of the copy: [*b, *e), *e past its '\n'.  0 if none. */
static int find_line(const Lexer *L, int lineno, size_t *b, size_t *e)
{
    size_t pos = 0;
    if (lineno < 1) return 0;
    for (int i = 1; i < lineno; i++) {
        const char *nl = memchr(L->src + pos, '\n', L->n - pos);
        if (!nl) return 0;
        pos = (size_t)(nl - L->src) + 1;
    }
    if (pos >= L->n) return 0;
    *b = pos;
    *e = (size_t)((const char *)memchr(L->src + pos, '\n', L->n - pos) - L->src) + 1;
    return 1;
}

/* err_programtext: the line as CPython re-reads it from the file, through a
 * 1000-byte buffer (so only the last piece of a long line survives),
 * decoded strictly without a declared encoding.  NULL where CPython gets
 * NULL (no such line, undecodable piece, a last line of exactly k*999 bytes
 * without newline). */
static char *program_text(const Lexer *L, int lineno, size_t *len)
{
    size_t b, e;
    if (!find_line(L, lineno, &b, &e)) return NULL;
    int has_nl = e < L->n || L->final_newline;
    size_t body = e - b - (has_nl ? 0 : 1);
    size_t pre = lineno == 1 && L->bom ? 3 : 0;
    size_t total = pre + body;
    char *line = malloc(total + 1);
    if (!line) return NULL;
    memcpy(line, "\xef\xbb\xbf", pre);
    memcpy(line + pre, L->src + b, body);
    line[total] = 0;
    size_t piece;
    if (has_nl) {
        piece = ERRTEXT_CHUNK * ((total - 1) / ERRTEXT_CHUNK);
    } else {
        if (total % ERRTEXT_CHUNK == 0) {
            free(line);
            return NULL;
        }
        piece = ERRTEXT_CHUNK * (total / ERRTEXT_CHUNK);
    }
    size_t plen = strlen(line + piece);
    char *out;
    if (L->encoding) {
        out = decode_replace(line + piece, plen, len);
    } else if (utf8_invalid_at(line + piece, plen) < plen) {
        out = NULL;
    } else {
        out = malloc(plen + 1);
        if (out) {
            memcpy(out, line + piece, plen + 1);
            *len = plen;
        }
    }
    free(line);
    return out;
}

/* The error line pegen attaches: program_text, else the tokenizer's own
 * line while it is at (or before) that line, else "". */
static char *pegen_error_line(const Lexer *L, int lineno, size_t *len)
{
    char *t = program_text(L, lineno, len);
    if (t) return t;
    if (L->lineno <= lineno && L->inp > L->buf_start)
        return decode_replace(L->src + L->line_start, L->inp - L->line_start, len);
    return decode_replace("", 0, len);
}

/* _PyPegen_byte_offset_to_character_offset: characters in the first `col`
 * bytes of the line (a col one past the end counts the terminator). */
static int byte_to_char_offset(const char *line, size_t len, long col)
{
    if (col <= 0) return (int)col;
    if ((size_t)col > len) return (int)count_chars(line, len) + 1;
    return (int)count_chars(line, (size_t)col);
}

int lex_error_offset(const Lexer *L, int lineno, int col)
{
    if (!L->encoding) return col;  /* 3.11 converts only with tok->encoding set */
    size_t len;
    char *line = pegen_error_line(L, lineno, &len);
    if (!line) return col;
    int r = byte_to_char_offset(line, len, col);
    free(line);
    return r;
}

char *lex_error_text(const Lexer *L, int lineno, size_t *len)
{
    size_t dummy;
    if (lineno < 1) return NULL;
    return pegen_error_line(L, lineno, len ? len : &dummy);
}

int lex_lineno(const Lexer *L)
{
    return L->lineno;
}

int lex_open_bracket(const Lexer *L, int *lineno, int *col)
{
    if (!L->level) return 0;
    *lineno = L->parenlinenostack[L->level - 1];
    *col = L->parencolstack[L->level - 1];
    return (unsigned char)L->parenstack[L->level - 1];
}

int lex_cursor_col(const Lexer *L)
{
    return L->cur == L->buf_start ? 0 : (int)(L->cur - L->line_start);
}

/* ------------------------------------------------------------ errors */

/* syntaxerror(): the tokenizer's own, located at the cursor (or at a byte
 * range when col >= 0), with the line up to its newline as text. */
static int tok_error_range(Lexer *L, long col, long end_col, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
static int tok_error_range(Lexer *L, long col, long end_col, const char *fmt, va_list ap)
{
    char *msg = vformat(fmt, ap);
    const char *ls = L->src + L->line_start;
    if (col < 0) {
        col = (long)count_chars(ls, L->cur - L->line_start);
        end_col = col;
    }
    size_t tlen;
    char *text = decode_replace(ls, strcspn(ls, "\n"), &tlen);
    if (!text) {
        free(msg);
        return out_of_memory(L);
    }
    return fail(L, LEXE_SYNTAX, "SyntaxError", msg, L->lineno, (int)col, L->lineno, (int)end_col,
                text, tlen);
}

static int tok_error(Lexer *L, const char *fmt, ...) LEX_PRINTF(2, 3);
static int tok_error(Lexer *L, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = tok_error_range(L, -1, -1, fmt, ap);
    va_end(ap);
    return r;
}

static int tok_error_known(Lexer *L, long col, long end_col, const char *fmt, ...) LEX_PRINTF(4, 5);
static int tok_error_known(Lexer *L, long col, long end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = tok_error_range(L, col, end_col, fmt, ap);
    va_end(ap);
    return r;
}

/* RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns (end -1: none). */
static int pegen_error_at(Lexer *L, LexErrorCode code, const char *type, int lineno, long col,
                          long end_col, char *msg)
{
    size_t tlen;
    char *text = pegen_error_line(L, lineno, &tlen);
    if (!text) {
        free(msg);
        return out_of_memory(L);
    }
    int offset = (int)(col + 1), end_offset = (int)(end_col + 1);
    if (L->encoding) {
        offset = byte_to_char_offset(text, tlen, offset);
        if (end_offset > 0) end_offset = byte_to_char_offset(text, tlen, end_offset);
    }
    return fail(L, code, type, msg, lineno, offset, lineno, end_offset, text, tlen);
}

/* _PyPegen_raise_error on the ERRORTOKEN the tokenizer just returned: it
 * has no column, so the cursor gives one. */
static int pegen_error_cursor(Lexer *L, LexErrorCode code, const char *type, char *msg)
{
    size_t tlen;
    char *text = pegen_error_line(L, L->lineno, &tlen);
    if (!text) {
        free(msg);
        return out_of_memory(L);
    }
    int offset = lex_cursor_col(L);
    if (L->encoding) offset = byte_to_char_offset(text, tlen, offset);
    return fail(L, code, type, msg, L->lineno, offset, L->lineno, -1, text, tlen);
}

static int no_location_error(Lexer *L, LexErrorCode code, char *msg)
{
    return fail(L, code, "SyntaxError", msg, 0, 0, 0, 0, NULL, 0);
}

/* E_EOF: inside brackets the innermost one was never closed. */
static int eof_error(Lexer *L)
{
    L->cur = L->inp;
    if (L->level) {
        int i = L->level - 1;
        return pegen_error_at(L, LEXE_UNCLOSED, "SyntaxError", L->parenlinenostack[i],
                              L->parencolstack[i], -1,
                              format("'%c' was never closed", L->parenstack[i]));
    }
    return pegen_error_cursor(L, LEXE_EOF, "SyntaxError", format("unexpected EOF while parsing"));
}

static int indent_error(Lexer *L, LexErrorCode code)
{
    L->cur = L->inp;
    if (code == LEXE_DEDENT)
        return pegen_error_cursor(L, code, "IndentationError",
                                  format("unindent does not match any outer indentation level"));
    if (code == LEXE_TOODEEP)
        return pegen_error_at(L, code, "IndentationError", L->lineno, 0, -1,
                              format("too many levels of indentation"));
    return pegen_error_at(L, code, "TabError", L->lineno, 0, -1,
                          format("inconsistent use of tabs and spaces in indentation"));
}

/* E_LINECONT: pegen measures from tok->buf, which in file input starts at
 * the first line of a multi-line token or backslash-joined run. */
static int linecont_error(Lexer *L)
{
    return pegen_error_at(L, LEXE_LINECONT, "SyntaxError", L->lineno,
                          (long)(L->cur - L->buf_start) - 1, -1,
                          format("unexpected character after line continuation character"));
}

/* ------------------------------------------------------------ reading */

static int is_space_or_tab(int c)
{
    return c == ' ' || c == '\t' || c == '\014';
}

/* get_normal_name: "utf-8" and "iso-8859-1" for their spellings, else
 * NULL (CPython then keeps the name as written). */
static const char *normal_name(const char *s, size_t n)
{
    char buf[13];
    size_t i;
    for (i = 0; i < n && i < 12; i++) {
        char c = s[i];
        buf[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[i] = 0;
    if (!strcmp(buf, "utf-8") || !strncmp(buf, "utf-8-", 6)) return "utf-8";
    if (!strcmp(buf, "latin-1") || !strcmp(buf, "iso-8859-1") || !strcmp(buf, "iso-latin-1") ||
        !strncmp(buf, "latin-1-", 8) || !strncmp(buf, "iso-8859-1-", 11) ||
        !strncmp(buf, "iso-latin-1-", 12))
        return "iso-8859-1";
    return NULL;
}

/* codecs.lookup(name) is the UTF-8 codec: encodings.normalize_encoding,
 * then the aliases of utf_8 (and utf_8_sig, the same without a BOM). */
static int codec_is_utf8(const char *s, size_t n)
{
    static const char *const names[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4",
                                        "cp65001", "utf_8_sig"};
    char buf[32];
    size_t o = 0;
    int punct = 0;
    for (size_t i = 0; i < n && o + 2 < sizeof buf; i++) {
        char c = s[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || c == '.') {
            if (punct && o) buf[o++] = '_';
            buf[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            punct = 0;
        } else {
            punct = 1;
        }
    }
    buf[o] = 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(buf, names[i])) return 1;
    return 0;
}

static int utf8_ascii_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) return 0;
    return 1;
}

/* check_coding_spec on lines 1 and 2: a `coding[:=]name` comment alone on
 * its line.  refscope reads UTF-8 only; another encoding is refused, but
 * for Latin-1 over ASCII text (old files' usual cookie). */
static int check_coding(Lexer *L, size_t b, size_t e)
{
    const char *s = L->src + b;
    size_t size = strnlen(s, e - b), i;
    if (L->lineno > 2) {
        L->coding_checked = 1;
        return 0;
    }
    for (i = 0; i + 6 < size; i++) {
        if (s[i] == '#') break;
        if (!is_space_or_tab((unsigned char)s[i])) {
            i = size;
            break;
        }
    }
    for (; i + 6 < size; i++) {
        if (memcmp(s + i, "coding", 6) || (s[i + 6] != ':' && s[i + 6] != '=')) continue;
        size_t t = i + 7;
        while (s[t] == ' ' || s[t] == '\t') t++;
        size_t begin = t;
        while ((s[t] >= 'a' && s[t] <= 'z') || (s[t] >= 'A' && s[t] <= 'Z') ||
               (s[t] >= '0' && s[t] <= '9') || s[t] == '-' || s[t] == '_' || s[t] == '.')
            t++;
        if (t == begin) continue;
        const char *normal = normal_name(s + begin, t - begin);
        int len = (int)(t - begin);
        L->coding_checked = 1;
        if (L->bom) {
            if (normal && !strcmp(normal, "utf-8")) return 0;
            return no_location_error(L, LEXE_ENCODING,
                                     normal ? format("encoding problem: %s with BOM", normal)
                                            : format("encoding problem: %.*s with BOM", len,
                                                     s + begin));
        }
        if (normal && !strcmp(normal, "utf-8")) {
            L->encoding = 1;  /* read raw, as without a cookie, but "declared" */
            return 0;
        }
        if (codec_is_utf8(s + begin, t - begin)) {
            /* CPython reopens the file through the codec, which fails on the
             * first undecodable byte: before any token, as the cookie line
             * and those before it are comments */
            L->encoding = 1;
            if (utf8_invalid_at(L->src + e, L->n - e) < L->n - e)
                return no_location_error(L, LEXE_ENCODING,
                                         format("encoding problem: %.*s", len, s + begin));
            return 0;
        }
        if (normal && !strcmp(normal, "iso-8859-1") && utf8_ascii_only(L->src + e, L->n - e)) {
            /* Latin-1 decodes ASCII to itself: the text is what refscope reads */
            L->encoding = 1;
            return 0;
        }
        return no_location_error(L, LEXE_UNSUPPORTED,
                                 format("refscope reads UTF-8 source only; this file declares "
                                        "'%.*s' (line %d)", (int)(t - begin), s + begin, L->lineno));
    }
    for (i = 0; i < size; i++) {
        if (s[i] == '#' || s[i] == '\n') break;
        if (!is_space_or_tab((unsigned char)s[i])) {
            L->coding_checked = 1;  /* code before any cookie: none can follow */
            break;
        }
    }
    return 0;
}

/* tok->underflow for file input: take the next line, checking it as CPython
 * does when it reads it.  0 at EOF or on an error. */
static int read_line(Lexer *L)
{
    if (L->start == NO_START) L->buf_start = L->inp;  /* tok->cur = tok->inp = tok->buf */
    if (L->inp >= L->n) {
        L->at_eof = 1;
        return 0;
    }
    size_t b = L->inp;
    size_t e = (size_t)((const char *)memchr(L->src + b, '\n', L->n - b) - L->src) + 1;
    L->lineno++;
    if (!L->coding_checked && check_coding(L, b, e) < 0) return 0;
    if (!L->encoding) {
        size_t upto = strnlen(L->src + b, e - b);
        size_t bad = utf8_invalid_at(L->src + b, upto);
        if (bad < upto) {
            no_location_error(L, LEXE_ENCODING,
                              format("Non-UTF-8 code starting with '\\x%.2x' in file %s on line "
                                     "%d, but no encoding declared; see "
                                     "https://peps.python.org/pep-0263/ for details",
                                     (unsigned char)L->src[b + bad], L->filename, L->lineno));
            return 0;
        }
    }
    L->line_start = L->cur = b;
    L->inp = e;
    if (memchr(L->src + b, 0, e - b)) {
        /* CPython sets the exception and reads EOF: at the start of a line
         * the DEDENTs down to column 0 still come out (a parser that cannot
         * take them raises its own error over this one), then ERRORTOKEN */
        tok_error(L, "source code cannot contain null bytes");
        L->err.code = LEXE_ENCODING;
        L->failed = 0;
        L->pending = 1;
        return 0;
    }
    return 1;
}

/* tok_nextc */
static int next_c(Lexer *L)
{
    for (;;) {
        if (L->cur != L->inp) return (unsigned char)L->src[L->cur++];
        if (L->failed || L->pending || L->at_eof) return EOF_C;
        if (!read_line(L)) {
            L->cur = L->inp;
            return EOF_C;
        }
    }
}

/* tok_backup */
static void backup(Lexer *L, int c)
{
    if (c != EOF_C) L->cur--;
}

/* ------------------------------------------------------------ tokens */

static int emit(Lexer *L, Token *out, TokKind kind, TokOp op, size_t start, size_t end)
{
    out->kind = kind;
    out->op = op;
    if (kind == TOK_STRING) {  /* a string may span lines: it starts on its first */
        out->lineno = L->first_lineno;
        out->col_offset = (int)(start - L->multi_line_start);
    } else {
        out->lineno = L->lineno;
        out->col_offset = (int)(start - L->line_start);
    }
    out->end_lineno = L->lineno;
    out->end_col_offset = (int)(end - L->line_start);
    out->len = end - start;
    out->text = out->len ? L->src + start : NULL;
    return 0;
}

/* INDENT, DEDENT, ENDMARKER: no text, and pegen's column -1. */
static int emit_marker(Lexer *L, Token *out, TokKind kind)
{
    *out = (Token){kind, TOP_NONE, L->lineno, -1, L->lineno, -1, NULL, 0};
    return 0;
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_xdigit(int c)
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

static int is_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_id_char(int c)
{
    return is_id_start(c) || is_digit(c);
}

/* ------------------------------------------------------------ indentation */

/* tok_continuation_line: a backslash must end its line, and a line must
 * follow. */
static int continuation_line(Lexer *L)
{
    int c = next_c(L);
    if (c != '\n') return L->failed ? -1 : linecont_error(L);
    c = next_c(L);
    if (c == EOF_C) return L->failed ? -1 : eof_error(L);
    backup(L, c);
    return 0;
}

/* At the beginning of a line: measure it (tabs to multiples of 8, and of 1
 * for the consistency check) and queue INDENT/DEDENTs.  Blank and
 * comment-only lines do not count.  A backslash continuation inside the
 * indentation fixes the column where the first one stood (cont_line_col). */
static int indentation(Lexer *L, int *blankline)
{
    int col = 0, altcol = 0, cont_line_col = 0, c;
    L->atbol = 0;
    for (;;) {
        c = next_c(L);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
        } else if (c == '\014') {
            col = altcol = 0;  /* form feed */
        } else if (c == '\\') {
            cont_line_col = cont_line_col ? cont_line_col : col;
            if (continuation_line(L) < 0) return -1;
        } else {
            break;
        }
    }
    if (L->failed) return -1;
    backup(L, c);
    if (c == '#' || c == '\n') *blankline = 1;
    if (*blankline || L->level != 0) return 0;
    if (cont_line_col) col = altcol = cont_line_col;
    int *ind = L->indstack, *alt = L->altindstack;
    if (col == ind[L->indent]) {
        if (altcol != alt[L->indent]) return indent_error(L, LEXE_TABSPACE);
    } else if (col > ind[L->indent]) {
        if (L->indent + 1 >= MAXINDENT) return indent_error(L, LEXE_TOODEEP);
        if (altcol <= alt[L->indent]) return indent_error(L, LEXE_TABSPACE);
        L->pendin++;
        L->indent++;
        ind[L->indent] = col;
        alt[L->indent] = altcol;
    } else {
        while (L->indent > 0 && col < ind[L->indent]) {
            L->pendin--;
            L->indent--;
        }
        if (col != ind[L->indent]) return indent_error(L, LEXE_DEDENT);
        if (altcol != alt[L->indent]) return indent_error(L, LEXE_TABSPACE);
    }
    return 0;
}

/* ------------------------------------------------------------ numbers */

/* After `test` (already matched up to here), no identifier character. */
static int lookahead(Lexer *L, const char *test)
{
    const char *s = test;
    int res = 0;
    for (;;) {
        int c = next_c(L);
        if (*s == 0) {
            res = !is_id_char(c);
        } else if (c == *s) {
            s++;
            continue;
        }
        backup(L, c);
        while (s != test) backup(L, *--s);
        return res;
    }
}

/* parser_warn: "invalid KIND literal"; the messages are static strings. */
static int warn_literal(Lexer *L, const char *kind)
{
    static const char *const kinds[] = {"decimal", "hexadecimal", "octal", "binary", "imaginary"};
    static const char *const msgs[] = {"invalid decimal literal", "invalid hexadecimal literal",
                                       "invalid octal literal", "invalid binary literal",
                                       "invalid imaginary literal"};
    size_t k = 0;
    while (k < 4 && strcmp(kinds[k], kind)) k++;
    if (L->nwarnings == L->warnings_cap) {
        size_t cap = L->warnings_cap ? 2 * L->warnings_cap : 8;
        LexWarning *w = realloc(L->warnings, cap * sizeof *w);
        if (!w) return out_of_memory(L);
        L->warnings = w;
        L->warnings_cap = cap;
    }
    L->warnings[L->nwarnings++] = (LexWarning){"SyntaxWarning", msgs[k], L->lineno};
    return 0;
}

/* verify_end_of_number: a literal may touch one of the keywords that can
 * follow it in valid code (and, else, for, if, in, is, not, or: CPython
 * warns), but no other ASCII identifier character.  `c` was read. */
static int verify_end(Lexer *L, int c, const char *kind)
{
    int r = 0;
    if (c == 'a') {
        r = lookahead(L, "nd");
    } else if (c == 'e') {
        r = lookahead(L, "lse");
    } else if (c == 'f') {
        r = lookahead(L, "or");
    } else if (c == 'i') {
        int c2 = next_c(L);
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(L, c2);
    } else if (c == 'o') {
        r = lookahead(L, "r");
    } else if (c == 'n') {
        r = lookahead(L, "ot");
    }
    if (r) return warn_literal(L, kind);
    if (c < 128 && is_id_char(c)) {
        backup(L, c);
        return tok_error(L, "invalid %s literal", kind);
    }
    return 0;
}

/* tok_decimal_tail: digits with single underscores between them; the
 * character after them, or EOF_C - 1 on an error. */
#define TAIL_ERROR (EOF_C - 1)
static int decimal_tail(Lexer *L)
{
    int c;
    for (;;) {
        do c = next_c(L); while (is_digit(c));
        if (c != '_') return c;
        c = next_c(L);
        if (!is_digit(c)) {
            backup(L, c);
            tok_error(L, "invalid decimal literal");
            return TAIL_ERROR;
        }
    }
}

static int emit_number(Lexer *L, Token *out, int c)
{
    backup(L, c);
    return emit(L, out, TOK_NUMBER, TOP_NONE, (size_t)L->start, L->cur);
}

/* From an exponent marker `c` (e/E), an imaginary one (j/J), or whatever
 * ends the literal. */
static int number_exponent(Lexer *L, Token *out, int c)
{
    if (c == 'e' || c == 'E') {
        int e = c;
        c = next_c(L);
        if (c == '+' || c == '-') {
            c = next_c(L);
            if (!is_digit(c)) {
                backup(L, c);
                return tok_error(L, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            /* "1e" then a name: the number is "1" (1else, or an error) */
            backup(L, c);
            if (verify_end(L, e, "decimal") < 0) return -1;
            backup(L, e);
            return emit(L, out, TOK_NUMBER, TOP_NONE, (size_t)L->start, L->cur);
        }
        c = decimal_tail(L);
        if (c == TAIL_ERROR) return -1;
    }
    if (c == 'j' || c == 'J') {
        c = next_c(L);
        if (verify_end(L, c, "imaginary") < 0) return -1;
    } else if (verify_end(L, c, "decimal") < 0) {
        return -1;
    }
    return emit_number(L, out, c);
}

/* After the '.': `c` is the character that follows it. */
static int number_fraction(Lexer *L, Token *out, int c)
{
    if (is_digit(c)) {
        c = decimal_tail(L);
        if (c == TAIL_ERROR) return -1;
    }
    return number_exponent(L, out, c);
}

/* 0x, 0o, 0b: `base` 16, 8 or 2; `c` the first character after the prefix. */
static int number_radix(Lexer *L, Token *out, int c, int base)
{
    static const char *const kinds[] = {"binary", "octal", "hexadecimal"};
    const char *kind = kinds[base == 2 ? 0 : base == 8 ? 1 : 2];
#define IN_BASE(ch) (base == 16 ? is_xdigit(ch) : (ch) >= '0' && (ch) < '0' + base)
    do {
        if (c == '_') c = next_c(L);
        if (!IN_BASE(c)) {
            if (base != 16 && is_digit(c))  /* the caret after the digit */
                return tok_error(L, "invalid digit '%c' in %s literal", c, kind);
            backup(L, c);
            return tok_error(L, "invalid %s literal", kind);
        }
        do c = next_c(L); while (IN_BASE(c));
    } while (c == '_');
#undef IN_BASE
    if (base != 16 && is_digit(c)) return tok_error(L, "invalid digit '%c' in %s literal", c, kind);
    if (verify_end(L, c, kind) < 0) return -1;
    return emit_number(L, out, c);
}

/* A literal starting with '0' that is not 0x/0o/0b: zeros (maybe with
 * underscores), then, if other digits follow, it must turn out a float or
 * an imaginary number. */
static int number_zero(Lexer *L, Token *out, int c)
{
    int nonzero = 0;
    for (;;) {
        if (c == '_') {
            c = next_c(L);
            if (!is_digit(c)) {
                backup(L, c);
                return tok_error(L, "invalid decimal literal");
            }
        }
        if (c != '0') break;
        c = next_c(L);
    }
    size_t zeros_end = L->cur;
    if (is_digit(c)) {
        nonzero = 1;
        c = decimal_tail(L);
        if (c == TAIL_ERROR) return -1;
    }
    if (c == '.') return number_fraction(L, out, next_c(L));
    if (c == 'e' || c == 'E' || c == 'j' || c == 'J') return number_exponent(L, out, c);
    if (nonzero) {
        /* old-style octal; CPython gives a byte range, never converted */
        backup(L, c);
        return tok_error_known(L, L->start + 1 - (long)L->line_start,
                               (long)(zeros_end - L->line_start),
                               "leading zeros in decimal integer literals are not permitted; "
                               "use an 0o prefix for octal integers");
    }
    if (verify_end(L, c, "decimal") < 0) return -1;
    return emit_number(L, out, c);
}

static int number(Lexer *L, Token *out, int c)
{
    if (c == '0') {
        c = next_c(L);
        if (c == 'x' || c == 'X') return number_radix(L, out, next_c(L), 16);
        if (c == 'o' || c == 'O') return number_radix(L, out, next_c(L), 8);
        if (c == 'b' || c == 'B') return number_radix(L, out, next_c(L), 2);
        return number_zero(L, out, c);
    }
    c = decimal_tail(L);
    if (c == TAIL_ERROR) return -1;
    if (c == '.') return number_fraction(L, out, next_c(L));
    return number_exponent(L, out, c);
}

/* ------------------------------------------------------------ strings */

/* From the opening quote (any prefix already read): the whole literal, to
 * the matching quote(s), over lines for triple quotes or backslashes. */
static int string(Lexer *L, Token *out, int quote)
{
    int quote_size = 1, end_quote_size = 0, c;
    L->first_lineno = L->lineno;
    L->multi_line_start = L->line_start;
    c = next_c(L);
    if (c == quote) {
        c = next_c(L);
        if (c == quote) quote_size = 3;
        else end_quote_size = 1;  /* the empty string */
    }
    if (c != quote) backup(L, c);
    while (end_quote_size != quote_size) {
        c = next_c(L);
        if (L->failed) return -1;
        if (c == EOF_C || (quote_size == 1 && c == '\n')) {
            /* reported at the literal's start, on its first line */
            int detected = L->lineno;
            L->cur = (size_t)L->start + 1;
            L->line_start = L->multi_line_start;
            L->lineno = L->first_lineno;
            if (quote_size == 3)
                return tok_error(L, "unterminated triple-quoted string literal (detected at line %d)",
                                 detected);
            return tok_error(L, "unterminated string literal (detected at line %d)", detected);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') next_c(L);  /* the escaped character, a newline too */
        }
    }
    return emit(L, out, TOK_STRING, TOP_NONE, (size_t)L->start, L->cur);
}

/* ------------------------------------------------------------ names */

/* UnicodeDecodeError's str, as _Pypegen_raise_decode_error quotes it. */
static char *decode_error_message(const unsigned char *s, size_t pos, size_t bad, const char *why)
{
    if (bad == 1)
        return format("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                      s[pos], pos, why);
    return format("(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s", pos,
                  pos + bad - 1, why);
}

/* verify_identifier (PEP 3131): XID_Start or '_' first, XID_Continue after.
 * On a bad character the cursor moves just past it, unless it is the last. */
static int verify_identifier(Lexer *L)
{
    const unsigned char *s = (const unsigned char *)L->src + L->start;
    size_t n = L->cur - (size_t)L->start, pos;
    uint32_t cp;
    size_t bad, k;
    const char *why;
    for (pos = 0; pos < n; pos += k) {  /* undecodable only with a declared encoding */
        k = utf8_step(s + pos, n - pos, &cp, &bad, &why);
        if (!k)
            return pegen_error_cursor(L, LEXE_DECODE, "SyntaxError",
                                      decode_error_message(s, pos, bad, why));
    }
    for (pos = 0; pos < n; pos += k) {
        k = utf8_step(s + pos, n - pos, &cp, &bad, &why);
        LexUniClass cls = lex_unicode_class(cp);
        int ok = pos == 0 ? cls == LEXU_XID_START || cp == '_'
                          : cls == LEXU_XID_START || cls == LEXU_XID_CONTINUE;
        if (ok) continue;
        if (pos + k < n) L->cur = (size_t)L->start + pos + k;
        if (cls != LEXU_NONPRINTABLE) {
            char ch[5];
            ch[utf8_put(ch, cp)] = 0;
            return tok_error(L, "invalid character '%s' (U+%04X)", ch, (unsigned)cp);
        }
        return tok_error(L, "invalid non-printable character U+%04X", (unsigned)cp);
    }
    return 0;
}

/* A name, or the prefix of a string: b, r, u, f and the pairs br, rb, fr,
 * rf in any case (no ub, no bf). */
static int name_or_prefix(Lexer *L, Token *out, int c)
{
    int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0, nonascii = 0;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
            saw_b = 1;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
            saw_u = 1;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
            saw_r = 1;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
            saw_f = 1;
        else
            break;
        c = next_c(L);
        if (c == '"' || c == '\'') return string(L, out, c);
    }
    while (is_id_char(c)) {
        nonascii |= c >= 128;
        c = next_c(L);
    }
    backup(L, c);
    if (nonascii && verify_identifier(L) < 0) return -1;
    const char *s = L->src + L->start;
    size_t n = L->cur - (size_t)L->start;
    TokKind kind = TOK_NAME;
    if (n == 5 && !memcmp(s, "async", 5)) kind = TOK_ASYNC;
    if (n == 5 && !memcmp(s, "await", 5)) kind = TOK_AWAIT;
    return emit(L, out, kind, TOP_NONE, (size_t)L->start, L->cur);
}

/* ------------------------------------------------------------ operators */

static int punctuation(Lexer *L, Token *out, int c)
{
    char s[3] = {(char)c, 0, 0};
    int c2 = next_c(L);
    s[1] = (char)c2;
    TokOp op = c2 == EOF_C ? TOP_NONE : tok_op_lookup(s, 2);
    if (op != TOP_NONE) {
        int c3 = next_c(L);
        s[2] = (char)c3;
        TokOp op3 = c3 == EOF_C ? TOP_NONE : tok_op_lookup(s, 3);
        if (op3 != TOP_NONE) op = op3;
        else backup(L, c3);
        return emit(L, out, TOK_OP, op, (size_t)L->start, L->cur);
    }
    backup(L, c2);
    if (c == '(' || c == '[' || c == '{') {
        if (L->level >= MAXLEVEL) return tok_error(L, "too many nested parentheses");
        L->parenstack[L->level] = (char)c;
        L->parenlinenostack[L->level] = L->lineno;
        L->parencolstack[L->level] = (int)((size_t)L->start - L->line_start);
        L->level++;
    } else if (c == ')' || c == ']' || c == '}') {
        if (!L->level) return tok_error(L, "unmatched '%c'", c);
        L->level--;
        int open = L->parenstack[L->level];
        if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
            if (L->parenlinenostack[L->level] != L->lineno)
                return tok_error(L, "closing parenthesis '%c' does not match opening "
                                 "parenthesis '%c' on line %d", c, open,
                                 L->parenlinenostack[L->level]);
            return tok_error(L, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                             c, open);
        }
    }
    if (c < 0x20 || c == 0x7f) return tok_error(L, "invalid non-printable character U+%04X", c);
    op = tok_op_lookup(s, 1);
    return emit(L, out, TOK_OP, op == TOP_NONE ? TOP_OTHER : op, (size_t)L->start, L->cur);
}

/* ------------------------------------------------------------ tok_get */

static int tok_get(Lexer *L, Token *out)
{
    int c, blankline;
nextline:
    L->start = NO_START;
    blankline = 0;
    if (L->atbol && indentation(L, &blankline) < 0) return -1;
    L->start = (long)L->cur;
    if (L->pendin != 0) {
        TokKind kind = L->pendin < 0 ? TOK_DEDENT : TOK_INDENT;
        L->pendin += L->pendin < 0 ? 1 : -1;
        return emit_marker(L, out, kind);
    }
again:
    L->start = NO_START;
    do c = next_c(L); while (c == ' ' || c == '\t' || c == '\014');
    L->start = (long)L->cur - 1;
    if (c == '#') {  /* NEWLINE will start here: its text is the comment */
        while (c != EOF_C && c != '\n') c = next_c(L);
    }
    if (L->failed) return -1;
    if (c == EOF_C) {
        if (L->level) return eof_error(L);
        L->ended = 1;
        return emit_marker(L, out, TOK_ENDMARKER);
    }
    if (is_id_start(c)) return name_or_prefix(L, out, c);
    if (c == '\n') {
        L->atbol = 1;
        if (blankline || L->level > 0) goto nextline;
        return emit(L, out, TOK_NEWLINE, TOP_NONE, (size_t)L->start, L->cur - 1);
    }
    if (c == '.') {
        c = next_c(L);
        if (is_digit(c)) return number_fraction(L, out, c);
        if (c == '.') {
            c = next_c(L);
            if (c == '.') return emit(L, out, TOK_OP, TOP_ELLIPSIS, (size_t)L->start, L->cur);
            backup(L, c);
            backup(L, '.');
        } else {
            backup(L, c);
        }
        return emit(L, out, TOK_OP, TOP_DOT, (size_t)L->start, L->cur);
    }
    if (is_digit(c)) return number(L, out, c);
    if (c == '\'' || c == '"') return string(L, out, c);
    if (c == '\\') {  /* explicit line joining */
        c = next_c(L);
        if (c != '\n') return L->failed ? -1 : linecont_error(L);
        c = next_c(L);
        if (c == EOF_C) return L->failed ? -1 : eof_error(L);
        backup(L, c);
        goto again;
    }
    return punctuation(L, out, c);
}

/* ------------------------------------------------------------ the API */

Lexer *lex_new(const char *src, size_t len, const char *filename)
{
    if (len > INT_MAX) return NULL;
    Lexer *L = calloc(1, sizeof *L);
    if (!L) return NULL;
    if (!filename) filename = "<unknown>";
    L->filename = malloc(strlen(filename) + 1);
    L->src = malloc(len + 2);
    if (!L->filename || !L->src) {
        lex_free(L);
        return NULL;
    }
    strcpy(L->filename, filename);
    if (len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3)) {  /* check_bom */
        src += 3;
        len -= 3;
        L->bom = L->encoding = 1;
    }
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {  /* universal newlines */
        if (src[i] == '\r') {
            L->src[o++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n') i++;
        } else {
            L->src[o++] = src[i];
        }
    }
    L->final_newline = o == 0 || L->src[o - 1] == '\n';
    if (!L->final_newline) L->src[o++] = '\n';  /* CPython fakes one */
    L->src[o] = 0;
    L->n = o;
    L->start = NO_START;
    L->atbol = 1;
    return L;
}

void lex_free(Lexer *L)
{
    if (!L) return;
    clear_error(L);
    free(L->warnings);
    free(L->src);
    free(L->filename);
    free(L);
}

int lex_next(Lexer *L, Token *out)
{
    memset(out, 0, sizeof *out);
    if (L->failed) return -1;
    if (L->ended) return emit_marker(L, out, TOK_ENDMARKER);
    int r = tok_get(L, out);
    if (L->pending && !(r == 0 && out->kind == TOK_DEDENT)) {
        L->pending = 0;
        L->failed = 1;
    }
    if (r < 0 || L->failed) {
        memset(out, 0, sizeof *out);
        return -1;
    }
    return 0;
}

const LexError *lex_error(const Lexer *L)
{
    return L->failed ? &L->err : NULL;
}

size_t lex_warning_count(const Lexer *L)
{
    return L->nwarnings;
}

const LexWarning *lex_warning(const Lexer *L, size_t i)
{
    return i < L->nwarnings ? &L->warnings[i] : NULL;
}
