# A long program: python3's compilation of it allocates so many GC objects
# that generation 0 is collected while it is compiled.
import gc

print(gc.get_count(), gc.get_stats()[0])

def f0(a, b=0, *args, key=(1, 2), **kw):
    return a + b, {'k0': [a, b]}, f'{a}-0'
def f1(a, b=1, *args, key=(1, 2), **kw):
    return a + b, {'k1': [a, b]}, f'{a}-1'
def f2(a, b=2, *args, key=(1, 2), **kw):
    return a + b, {'k2': [a, b]}, f'{a}-2'
def f3(a, b=3, *args, key=(1, 2), **kw):
    return a + b, {'k3': [a, b]}, f'{a}-3'
def f4(a, b=4, *args, key=(1, 2), **kw):
    return a + b, {'k4': [a, b]}, f'{a}-4'
def f5(a, b=5, *args, key=(1, 2), **kw):
    return a + b, {'k5': [a, b]}, f'{a}-5'
def f6(a, b=6, *args, key=(1, 2), **kw):
    return a + b, {'k6': [a, b]}, f'{a}-6'
def f7(a, b=7, *args, key=(1, 2), **kw):
    return a + b, {'k7': [a, b]}, f'{a}-7'
def f8(a, b=8, *args, key=(1, 2), **kw):
    return a + b, {'k8': [a, b]}, f'{a}-8'
def f9(a, b=9, *args, key=(1, 2), **kw):
    return a + b, {'k9': [a, b]}, f'{a}-9'
def f10(a, b=10, *args, key=(1, 2), **kw):
    return a + b, {'k10': [a, b]}, f'{a}-10'
def f11(a, b=11, *args, key=(1, 2), **kw):
    return a + b, {'k11': [a, b]}, f'{a}-11'
def f12(a, b=12, *args, key=(1, 2), **kw):
    return a + b, {'k12': [a, b]}, f'{a}-12'
def f13(a, b=13, *args, key=(1, 2), **kw):
    return a + b, {'k13': [a, b]}, f'{a}-13'
def f14(a, b=14, *args, key=(1, 2), **kw):
    return a + b, {'k14': [a, b]}, f'{a}-14'
def f15(a, b=15, *args, key=(1, 2), **kw):
    return a + b, {'k15': [a, b]}, f'{a}-15'
def f16(a, b=16, *args, key=(1, 2), **kw):
    return a + b, {'k16': [a, b]}, f'{a}-16'
def f17(a, b=17, *args, key=(1, 2), **kw):
    return a + b, {'k17': [a, b]}, f'{a}-17'
def f18(a, b=18, *args, key=(1, 2), **kw):
    return a + b, {'k18': [a, b]}, f'{a}-18'
def f19(a, b=19, *args, key=(1, 2), **kw):
    return a + b, {'k19': [a, b]}, f'{a}-19'
def f20(a, b=20, *args, key=(1, 2), **kw):
    return a + b, {'k20': [a, b]}, f'{a}-20'
def f21(a, b=21, *args, key=(1, 2), **kw):
    return a + b, {'k21': [a, b]}, f'{a}-21'
def f22(a, b=22, *args, key=(1, 2), **kw):
    return a + b, {'k22': [a, b]}, f'{a}-22'
def f23(a, b=23, *args, key=(1, 2), **kw):
    return a + b, {'k23': [a, b]}, f'{a}-23'
def f24(a, b=24, *args, key=(1, 2), **kw):
    return a + b, {'k24': [a, b]}, f'{a}-24'
def f25(a, b=25, *args, key=(1, 2), **kw):
    return a + b, {'k25': [a, b]}, f'{a}-25'
def f26(a, b=26, *args, key=(1, 2), **kw):
    return a + b, {'k26': [a, b]}, f'{a}-26'
def f27(a, b=27, *args, key=(1, 2), **kw):
    return a + b, {'k27': [a, b]}, f'{a}-27'
def f28(a, b=28, *args, key=(1, 2), **kw):
    return a + b, {'k28': [a, b]}, f'{a}-28'
def f29(a, b=29, *args, key=(1, 2), **kw):
    return a + b, {'k29': [a, b]}, f'{a}-29'
def f30(a, b=30, *args, key=(1, 2), **kw):
    return a + b, {'k30': [a, b]}, f'{a}-30'
def f31(a, b=31, *args, key=(1, 2), **kw):
    return a + b, {'k31': [a, b]}, f'{a}-31'
def f32(a, b=32, *args, key=(1, 2), **kw):
    return a + b, {'k32': [a, b]}, f'{a}-32'
def f33(a, b=33, *args, key=(1, 2), **kw):
    return a + b, {'k33': [a, b]}, f'{a}-33'
def f34(a, b=34, *args, key=(1, 2), **kw):
    return a + b, {'k34': [a, b]}, f'{a}-34'
def f35(a, b=35, *args, key=(1, 2), **kw):
    return a + b, {'k35': [a, b]}, f'{a}-35'
def f36(a, b=36, *args, key=(1, 2), **kw):
    return a + b, {'k36': [a, b]}, f'{a}-36'
def f37(a, b=37, *args, key=(1, 2), **kw):
    return a + b, {'k37': [a, b]}, f'{a}-37'
def f38(a, b=38, *args, key=(1, 2), **kw):
    return a + b, {'k38': [a, b]}, f'{a}-38'
def f39(a, b=39, *args, key=(1, 2), **kw):
    return a + b, {'k39': [a, b]}, f'{a}-39'
def f40(a, b=40, *args, key=(1, 2), **kw):
    return a + b, {'k40': [a, b]}, f'{a}-40'
def f41(a, b=41, *args, key=(1, 2), **kw):
    return a + b, {'k41': [a, b]}, f'{a}-41'
def f42(a, b=42, *args, key=(1, 2), **kw):
    return a + b, {'k42': [a, b]}, f'{a}-42'
def f43(a, b=43, *args, key=(1, 2), **kw):
    return a + b, {'k43': [a, b]}, f'{a}-43'
def f44(a, b=44, *args, key=(1, 2), **kw):
    return a + b, {'k44': [a, b]}, f'{a}-44'
def f45(a, b=45, *args, key=(1, 2), **kw):
    return a + b, {'k45': [a, b]}, f'{a}-45'
def f46(a, b=46, *args, key=(1, 2), **kw):
    return a + b, {'k46': [a, b]}, f'{a}-46'
def f47(a, b=47, *args, key=(1, 2), **kw):
    return a + b, {'k47': [a, b]}, f'{a}-47'
def f48(a, b=48, *args, key=(1, 2), **kw):
    return a + b, {'k48': [a, b]}, f'{a}-48'
def f49(a, b=49, *args, key=(1, 2), **kw):
    return a + b, {'k49': [a, b]}, f'{a}-49'
def f50(a, b=50, *args, key=(1, 2), **kw):
    return a + b, {'k50': [a, b]}, f'{a}-50'
def f51(a, b=51, *args, key=(1, 2), **kw):
    return a + b, {'k51': [a, b]}, f'{a}-51'
def f52(a, b=52, *args, key=(1, 2), **kw):
    return a + b, {'k52': [a, b]}, f'{a}-52'
def f53(a, b=53, *args, key=(1, 2), **kw):
    return a + b, {'k53': [a, b]}, f'{a}-53'
def f54(a, b=54, *args, key=(1, 2), **kw):
    return a + b, {'k54': [a, b]}, f'{a}-54'
def f55(a, b=55, *args, key=(1, 2), **kw):
    return a + b, {'k55': [a, b]}, f'{a}-55'
def f56(a, b=56, *args, key=(1, 2), **kw):
    return a + b, {'k56': [a, b]}, f'{a}-56'
def f57(a, b=57, *args, key=(1, 2), **kw):
    return a + b, {'k57': [a, b]}, f'{a}-57'
def f58(a, b=58, *args, key=(1, 2), **kw):
    return a + b, {'k58': [a, b]}, f'{a}-58'
def f59(a, b=59, *args, key=(1, 2), **kw):
    return a + b, {'k59': [a, b]}, f'{a}-59'
def f60(a, b=60, *args, key=(1, 2), **kw):
    return a + b, {'k60': [a, b]}, f'{a}-60'
def f61(a, b=61, *args, key=(1, 2), **kw):
    return a + b, {'k61': [a, b]}, f'{a}-61'
def f62(a, b=62, *args, key=(1, 2), **kw):
    return a + b, {'k62': [a, b]}, f'{a}-62'
def f63(a, b=63, *args, key=(1, 2), **kw):
    return a + b, {'k63': [a, b]}, f'{a}-63'
def f64(a, b=64, *args, key=(1, 2), **kw):
    return a + b, {'k64': [a, b]}, f'{a}-64'
def f65(a, b=65, *args, key=(1, 2), **kw):
    return a + b, {'k65': [a, b]}, f'{a}-65'
def f66(a, b=66, *args, key=(1, 2), **kw):
    return a + b, {'k66': [a, b]}, f'{a}-66'
def f67(a, b=67, *args, key=(1, 2), **kw):
    return a + b, {'k67': [a, b]}, f'{a}-67'
def f68(a, b=68, *args, key=(1, 2), **kw):
    return a + b, {'k68': [a, b]}, f'{a}-68'
def f69(a, b=69, *args, key=(1, 2), **kw):
    return a + b, {'k69': [a, b]}, f'{a}-69'
def f70(a, b=70, *args, key=(1, 2), **kw):
    return a + b, {'k70': [a, b]}, f'{a}-70'
def f71(a, b=71, *args, key=(1, 2), **kw):
    return a + b, {'k71': [a, b]}, f'{a}-71'
def f72(a, b=72, *args, key=(1, 2), **kw):
    return a + b, {'k72': [a, b]}, f'{a}-72'
def f73(a, b=73, *args, key=(1, 2), **kw):
    return a + b, {'k73': [a, b]}, f'{a}-73'
def f74(a, b=74, *args, key=(1, 2), **kw):
    return a + b, {'k74': [a, b]}, f'{a}-74'
def f75(a, b=75, *args, key=(1, 2), **kw):
    return a + b, {'k75': [a, b]}, f'{a}-75'
def f76(a, b=76, *args, key=(1, 2), **kw):
    return a + b, {'k76': [a, b]}, f'{a}-76'
def f77(a, b=77, *args, key=(1, 2), **kw):
    return a + b, {'k77': [a, b]}, f'{a}-77'
def f78(a, b=78, *args, key=(1, 2), **kw):
    return a + b, {'k78': [a, b]}, f'{a}-78'
def f79(a, b=79, *args, key=(1, 2), **kw):
    return a + b, {'k79': [a, b]}, f'{a}-79'
def f80(a, b=80, *args, key=(1, 2), **kw):
    return a + b, {'k80': [a, b]}, f'{a}-80'
def f81(a, b=81, *args, key=(1, 2), **kw):
    return a + b, {'k81': [a, b]}, f'{a}-81'
def f82(a, b=82, *args, key=(1, 2), **kw):
    return a + b, {'k82': [a, b]}, f'{a}-82'
def f83(a, b=83, *args, key=(1, 2), **kw):
    return a + b, {'k83': [a, b]}, f'{a}-83'
def f84(a, b=84, *args, key=(1, 2), **kw):
    return a + b, {'k84': [a, b]}, f'{a}-84'
def f85(a, b=85, *args, key=(1, 2), **kw):
    return a + b, {'k85': [a, b]}, f'{a}-85'
def f86(a, b=86, *args, key=(1, 2), **kw):
    return a + b, {'k86': [a, b]}, f'{a}-86'
def f87(a, b=87, *args, key=(1, 2), **kw):
    return a + b, {'k87': [a, b]}, f'{a}-87'
def f88(a, b=88, *args, key=(1, 2), **kw):
    return a + b, {'k88': [a, b]}, f'{a}-88'
def f89(a, b=89, *args, key=(1, 2), **kw):
    return a + b, {'k89': [a, b]}, f'{a}-89'
def f90(a, b=90, *args, key=(1, 2), **kw):
    return a + b, {'k90': [a, b]}, f'{a}-90'
def f91(a, b=91, *args, key=(1, 2), **kw):
    return a + b, {'k91': [a, b]}, f'{a}-91'
def f92(a, b=92, *args, key=(1, 2), **kw):
    return a + b, {'k92': [a, b]}, f'{a}-92'
def f93(a, b=93, *args, key=(1, 2), **kw):
    return a + b, {'k93': [a, b]}, f'{a}-93'
def f94(a, b=94, *args, key=(1, 2), **kw):
    return a + b, {'k94': [a, b]}, f'{a}-94'
def f95(a, b=95, *args, key=(1, 2), **kw):
    return a + b, {'k95': [a, b]}, f'{a}-95'
def f96(a, b=96, *args, key=(1, 2), **kw):
    return a + b, {'k96': [a, b]}, f'{a}-96'
def f97(a, b=97, *args, key=(1, 2), **kw):
    return a + b, {'k97': [a, b]}, f'{a}-97'
def f98(a, b=98, *args, key=(1, 2), **kw):
    return a + b, {'k98': [a, b]}, f'{a}-98'
def f99(a, b=99, *args, key=(1, 2), **kw):
    return a + b, {'k99': [a, b]}, f'{a}-99'
def f100(a, b=100, *args, key=(1, 2), **kw):
    return a + b, {'k100': [a, b]}, f'{a}-100'
def f101(a, b=101, *args, key=(1, 2), **kw):
    return a + b, {'k101': [a, b]}, f'{a}-101'
def f102(a, b=102, *args, key=(1, 2), **kw):
    return a + b, {'k102': [a, b]}, f'{a}-102'
def f103(a, b=103, *args, key=(1, 2), **kw):
    return a + b, {'k103': [a, b]}, f'{a}-103'
def f104(a, b=104, *args, key=(1, 2), **kw):
    return a + b, {'k104': [a, b]}, f'{a}-104'
def f105(a, b=105, *args, key=(1, 2), **kw):
    return a + b, {'k105': [a, b]}, f'{a}-105'
def f106(a, b=106, *args, key=(1, 2), **kw):
    return a + b, {'k106': [a, b]}, f'{a}-106'
def f107(a, b=107, *args, key=(1, 2), **kw):
    return a + b, {'k107': [a, b]}, f'{a}-107'
def f108(a, b=108, *args, key=(1, 2), **kw):
    return a + b, {'k108': [a, b]}, f'{a}-108'
def f109(a, b=109, *args, key=(1, 2), **kw):
    return a + b, {'k109': [a, b]}, f'{a}-109'
def f110(a, b=110, *args, key=(1, 2), **kw):
    return a + b, {'k110': [a, b]}, f'{a}-110'
def f111(a, b=111, *args, key=(1, 2), **kw):
    return a + b, {'k111': [a, b]}, f'{a}-111'
def f112(a, b=112, *args, key=(1, 2), **kw):
    return a + b, {'k112': [a, b]}, f'{a}-112'
def f113(a, b=113, *args, key=(1, 2), **kw):
    return a + b, {'k113': [a, b]}, f'{a}-113'
def f114(a, b=114, *args, key=(1, 2), **kw):
    return a + b, {'k114': [a, b]}, f'{a}-114'
def f115(a, b=115, *args, key=(1, 2), **kw):
    return a + b, {'k115': [a, b]}, f'{a}-115'
def f116(a, b=116, *args, key=(1, 2), **kw):
    return a + b, {'k116': [a, b]}, f'{a}-116'
def f117(a, b=117, *args, key=(1, 2), **kw):
    return a + b, {'k117': [a, b]}, f'{a}-117'
def f118(a, b=118, *args, key=(1, 2), **kw):
    return a + b, {'k118': [a, b]}, f'{a}-118'
def f119(a, b=119, *args, key=(1, 2), **kw):
    return a + b, {'k119': [a, b]}, f'{a}-119'
def f120(a, b=120, *args, key=(1, 2), **kw):
    return a + b, {'k120': [a, b]}, f'{a}-120'
def f121(a, b=121, *args, key=(1, 2), **kw):
    return a + b, {'k121': [a, b]}, f'{a}-121'
def f122(a, b=122, *args, key=(1, 2), **kw):
    return a + b, {'k122': [a, b]}, f'{a}-122'
def f123(a, b=123, *args, key=(1, 2), **kw):
    return a + b, {'k123': [a, b]}, f'{a}-123'
def f124(a, b=124, *args, key=(1, 2), **kw):
    return a + b, {'k124': [a, b]}, f'{a}-124'
def f125(a, b=125, *args, key=(1, 2), **kw):
    return a + b, {'k125': [a, b]}, f'{a}-125'
def f126(a, b=126, *args, key=(1, 2), **kw):
    return a + b, {'k126': [a, b]}, f'{a}-126'
def f127(a, b=127, *args, key=(1, 2), **kw):
    return a + b, {'k127': [a, b]}, f'{a}-127'
def f128(a, b=128, *args, key=(1, 2), **kw):
    return a + b, {'k128': [a, b]}, f'{a}-128'
def f129(a, b=129, *args, key=(1, 2), **kw):
    return a + b, {'k129': [a, b]}, f'{a}-129'
def f130(a, b=130, *args, key=(1, 2), **kw):
    return a + b, {'k130': [a, b]}, f'{a}-130'
def f131(a, b=131, *args, key=(1, 2), **kw):
    return a + b, {'k131': [a, b]}, f'{a}-131'
def f132(a, b=132, *args, key=(1, 2), **kw):
    return a + b, {'k132': [a, b]}, f'{a}-132'
def f133(a, b=133, *args, key=(1, 2), **kw):
    return a + b, {'k133': [a, b]}, f'{a}-133'
def f134(a, b=134, *args, key=(1, 2), **kw):
    return a + b, {'k134': [a, b]}, f'{a}-134'
def f135(a, b=135, *args, key=(1, 2), **kw):
    return a + b, {'k135': [a, b]}, f'{a}-135'
def f136(a, b=136, *args, key=(1, 2), **kw):
    return a + b, {'k136': [a, b]}, f'{a}-136'
def f137(a, b=137, *args, key=(1, 2), **kw):
    return a + b, {'k137': [a, b]}, f'{a}-137'
def f138(a, b=138, *args, key=(1, 2), **kw):
    return a + b, {'k138': [a, b]}, f'{a}-138'
def f139(a, b=139, *args, key=(1, 2), **kw):
    return a + b, {'k139': [a, b]}, f'{a}-139'
def f140(a, b=140, *args, key=(1, 2), **kw):
    return a + b, {'k140': [a, b]}, f'{a}-140'
def f141(a, b=141, *args, key=(1, 2), **kw):
    return a + b, {'k141': [a, b]}, f'{a}-141'
def f142(a, b=142, *args, key=(1, 2), **kw):
    return a + b, {'k142': [a, b]}, f'{a}-142'
def f143(a, b=143, *args, key=(1, 2), **kw):
    return a + b, {'k143': [a, b]}, f'{a}-143'
def f144(a, b=144, *args, key=(1, 2), **kw):
    return a + b, {'k144': [a, b]}, f'{a}-144'
def f145(a, b=145, *args, key=(1, 2), **kw):
    return a + b, {'k145': [a, b]}, f'{a}-145'
def f146(a, b=146, *args, key=(1, 2), **kw):
    return a + b, {'k146': [a, b]}, f'{a}-146'
def f147(a, b=147, *args, key=(1, 2), **kw):
    return a + b, {'k147': [a, b]}, f'{a}-147'
def f148(a, b=148, *args, key=(1, 2), **kw):
    return a + b, {'k148': [a, b]}, f'{a}-148'
def f149(a, b=149, *args, key=(1, 2), **kw):
    return a + b, {'k149': [a, b]}, f'{a}-149'
def f150(a, b=150, *args, key=(1, 2), **kw):
    return a + b, {'k150': [a, b]}, f'{a}-150'
def f151(a, b=151, *args, key=(1, 2), **kw):
    return a + b, {'k151': [a, b]}, f'{a}-151'
def f152(a, b=152, *args, key=(1, 2), **kw):
    return a + b, {'k152': [a, b]}, f'{a}-152'
def f153(a, b=153, *args, key=(1, 2), **kw):
    return a + b, {'k153': [a, b]}, f'{a}-153'
def f154(a, b=154, *args, key=(1, 2), **kw):
    return a + b, {'k154': [a, b]}, f'{a}-154'
def f155(a, b=155, *args, key=(1, 2), **kw):
    return a + b, {'k155': [a, b]}, f'{a}-155'
def f156(a, b=156, *args, key=(1, 2), **kw):
    return a + b, {'k156': [a, b]}, f'{a}-156'
def f157(a, b=157, *args, key=(1, 2), **kw):
    return a + b, {'k157': [a, b]}, f'{a}-157'
def f158(a, b=158, *args, key=(1, 2), **kw):
    return a + b, {'k158': [a, b]}, f'{a}-158'
def f159(a, b=159, *args, key=(1, 2), **kw):
    return a + b, {'k159': [a, b]}, f'{a}-159'

print(gc.get_count(), gc.get_stats()[0])
print(sum(f(1)[0] for f in (f0, f1, f2)))
