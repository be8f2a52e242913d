def f(x):
    if x == 0:
        x = x * 0 + 0
    else:
        x = x - 0
    if x == 1:
        x = x * 1 + 7
    else:
        x = x - 1
    if x == 2:
        x = x * 2 + 14
    else:
        x = x - 2
    if x == 3:
        x = x * 3 + 21
    else:
        x = x - 3
    if x == 4:
        x = x * 4 + 28
    else:
        x = x - 4
    if x == 5:
        x = x * 5 + 35
    else:
        x = x - 5
    if x == 6:
        x = x * 6 + 42
    else:
        x = x - 6
    if x == 7:
        x = x * 7 + 49
    else:
        x = x - 7
    if x == 8:
        x = x * 8 + 56
    else:
        x = x - 8
    if x == 9:
        x = x * 9 + 63
    else:
        x = x - 9
    if x == 10:
        x = x * 10 + 70
    else:
        x = x - 10
    if x == 11:
        x = x * 11 + 77
    else:
        x = x - 11
    if x == 12:
        x = x * 12 + 84
    else:
        x = x - 12
    if x == 13:
        x = x * 13 + 91
    else:
        x = x - 13
    if x == 14:
        x = x * 14 + 98
    else:
        x = x - 14
    if x == 15:
        x = x * 15 + 105
    else:
        x = x - 15
    if x == 16:
        x = x * 16 + 112
    else:
        x = x - 16
    if x == 17:
        x = x * 17 + 119
    else:
        x = x - 17
    if x == 18:
        x = x * 18 + 126
    else:
        x = x - 18
    if x == 19:
        x = x * 19 + 133
    else:
        x = x - 19
    if x == 20:
        x = x * 20 + 140
    else:
        x = x - 20
    if x == 21:
        x = x * 21 + 147
    else:
        x = x - 21
    if x == 22:
        x = x * 22 + 154
    else:
        x = x - 22
    if x == 23:
        x = x * 23 + 161
    else:
        x = x - 23
    if x == 24:
        x = x * 24 + 168
    else:
        x = x - 24
    if x == 25:
        x = x * 25 + 175
    else:
        x = x - 25
    if x == 26:
        x = x * 26 + 182
    else:
        x = x - 26
    if x == 27:
        x = x * 27 + 189
    else:
        x = x - 27
    if x == 28:
        x = x * 28 + 196
    else:
        x = x - 28
    if x == 29:
        x = x * 29 + 203
    else:
        x = x - 29
    if x == 30:
        x = x * 30 + 210
    else:
        x = x - 30
    if x == 31:
        x = x * 31 + 217
    else:
        x = x - 31
    if x == 32:
        x = x * 32 + 224
    else:
        x = x - 32
    if x == 33:
        x = x * 33 + 231
    else:
        x = x - 33
    if x == 34:
        x = x * 34 + 238
    else:
        x = x - 34
    if x == 35:
        x = x * 35 + 245
    else:
        x = x - 35
    if x == 36:
        x = x * 36 + 252
    else:
        x = x - 36
    if x == 37:
        x = x * 37 + 259
    else:
        x = x - 37
    if x == 38:
        x = x * 38 + 266
    else:
        x = x - 38
    if x == 39:
        x = x * 39 + 273
    else:
        x = x - 39
    if x == 40:
        x = x * 40 + 280
    else:
        x = x - 40
    if x == 41:
        x = x * 41 + 287
    else:
        x = x - 41
    if x == 42:
        x = x * 42 + 294
    else:
        x = x - 42
    if x == 43:
        x = x * 43 + 301
    else:
        x = x - 43
    if x == 44:
        x = x * 44 + 308
    else:
        x = x - 44
    if x == 45:
        x = x * 45 + 315
    else:
        x = x - 45
    if x == 46:
        x = x * 46 + 322
    else:
        x = x - 46
    if x == 47:
        x = x * 47 + 329
    else:
        x = x - 47
    if x == 48:
        x = x * 48 + 336
    else:
        x = x - 48
    if x == 49:
        x = x * 49 + 343
    else:
        x = x - 49
    if x == 50:
        x = x * 50 + 350
    else:
        x = x - 50
    if x == 51:
        x = x * 51 + 357
    else:
        x = x - 51
    if x == 52:
        x = x * 52 + 364
    else:
        x = x - 52
    if x == 53:
        x = x * 53 + 371
    else:
        x = x - 53
    if x == 54:
        x = x * 54 + 378
    else:
        x = x - 54
    if x == 55:
        x = x * 55 + 385
    else:
        x = x - 55
    if x == 56:
        x = x * 56 + 392
    else:
        x = x - 56
    if x == 57:
        x = x * 57 + 399
    else:
        x = x - 57
    if x == 58:
        x = x * 58 + 406
    else:
        x = x - 58
    if x == 59:
        x = x * 59 + 413
    else:
        x = x - 59
    if x == 60:
        x = x * 60 + 420
    else:
        x = x - 60
    if x == 61:
        x = x * 61 + 427
    else:
        x = x - 61
    if x == 62:
        x = x * 62 + 434
    else:
        x = x - 62
    if x == 63:
        x = x * 63 + 441
    else:
        x = x - 63
    if x == 64:
        x = x * 64 + 448
    else:
        x = x - 64
    if x == 65:
        x = x * 65 + 455
    else:
        x = x - 65
    if x == 66:
        x = x * 66 + 462
    else:
        x = x - 66
    if x == 67:
        x = x * 67 + 469
    else:
        x = x - 67
    if x == 68:
        x = x * 68 + 476
    else:
        x = x - 68
    if x == 69:
        x = x * 69 + 483
    else:
        x = x - 69
    if x == 70:
        x = x * 70 + 490
    else:
        x = x - 70
    if x == 71:
        x = x * 71 + 497
    else:
        x = x - 71
    if x == 72:
        x = x * 72 + 504
    else:
        x = x - 72
    if x == 73:
        x = x * 73 + 511
    else:
        x = x - 73
    if x == 74:
        x = x * 74 + 518
    else:
        x = x - 74
    if x == 75:
        x = x * 75 + 525
    else:
        x = x - 75
    if x == 76:
        x = x * 76 + 532
    else:
        x = x - 76
    if x == 77:
        x = x * 77 + 539
    else:
        x = x - 77
    if x == 78:
        x = x * 78 + 546
    else:
        x = x - 78
    if x == 79:
        x = x * 79 + 553
    else:
        x = x - 79
    if x == 80:
        x = x * 80 + 560
    else:
        x = x - 80
    if x == 81:
        x = x * 81 + 567
    else:
        x = x - 81
    if x == 82:
        x = x * 82 + 574
    else:
        x = x - 82
    if x == 83:
        x = x * 83 + 581
    else:
        x = x - 83
    if x == 84:
        x = x * 84 + 588
    else:
        x = x - 84
    if x == 85:
        x = x * 85 + 595
    else:
        x = x - 85
    if x == 86:
        x = x * 86 + 602
    else:
        x = x - 86
    if x == 87:
        x = x * 87 + 609
    else:
        x = x - 87
    if x == 88:
        x = x * 88 + 616
    else:
        x = x - 88
    if x == 89:
        x = x * 89 + 623
    else:
        x = x - 89
    if x == 90:
        x = x * 90 + 630
    else:
        x = x - 90
    if x == 91:
        x = x * 91 + 637
    else:
        x = x - 91
    if x == 92:
        x = x * 92 + 644
    else:
        x = x - 92
    if x == 93:
        x = x * 93 + 651
    else:
        x = x - 93
    if x == 94:
        x = x * 94 + 658
    else:
        x = x - 94
    if x == 95:
        x = x * 95 + 665
    else:
        x = x - 95
    if x == 96:
        x = x * 96 + 672
    else:
        x = x - 96
    if x == 97:
        x = x * 97 + 679
    else:
        x = x - 97
    if x == 98:
        x = x * 98 + 686
    else:
        x = x - 98
    if x == 99:
        x = x * 99 + 693
    else:
        x = x - 99
    if x == 100:
        x = x * 100 + 700
    else:
        x = x - 100
    if x == 101:
        x = x * 101 + 707
    else:
        x = x - 101
    if x == 102:
        x = x * 102 + 714
    else:
        x = x - 102
    if x == 103:
        x = x * 103 + 721
    else:
        x = x - 103
    if x == 104:
        x = x * 104 + 728
    else:
        x = x - 104
    if x == 105:
        x = x * 105 + 735
    else:
        x = x - 105
    if x == 106:
        x = x * 106 + 742
    else:
        x = x - 106
    if x == 107:
        x = x * 107 + 749
    else:
        x = x - 107
    if x == 108:
        x = x * 108 + 756
    else:
        x = x - 108
    if x == 109:
        x = x * 109 + 763
    else:
        x = x - 109
    if x == 110:
        x = x * 110 + 770
    else:
        x = x - 110
    if x == 111:
        x = x * 111 + 777
    else:
        x = x - 111
    if x == 112:
        x = x * 112 + 784
    else:
        x = x - 112
    if x == 113:
        x = x * 113 + 791
    else:
        x = x - 113
    if x == 114:
        x = x * 114 + 798
    else:
        x = x - 114
    if x == 115:
        x = x * 115 + 805
    else:
        x = x - 115
    if x == 116:
        x = x * 116 + 812
    else:
        x = x - 116
    if x == 117:
        x = x * 117 + 819
    else:
        x = x - 117
    if x == 118:
        x = x * 118 + 826
    else:
        x = x - 118
    if x == 119:
        x = x * 119 + 833
    else:
        x = x - 119
    if x == 120:
        x = x * 120 + 840
    else:
        x = x - 120
    if x == 121:
        x = x * 121 + 847
    else:
        x = x - 121
    if x == 122:
        x = x * 122 + 854
    else:
        x = x - 122
    if x == 123:
        x = x * 123 + 861
    else:
        x = x - 123
    if x == 124:
        x = x * 124 + 868
    else:
        x = x - 124
    if x == 125:
        x = x * 125 + 875
    else:
        x = x - 125
    if x == 126:
        x = x * 126 + 882
    else:
        x = x - 126
    if x == 127:
        x = x * 127 + 889
    else:
        x = x - 127
    if x == 128:
        x = x * 128 + 896
    else:
        x = x - 128
    if x == 129:
        x = x * 129 + 903
    else:
        x = x - 129
    if x == 130:
        x = x * 130 + 910
    else:
        x = x - 130
    if x == 131:
        x = x * 131 + 917
    else:
        x = x - 131
    if x == 132:
        x = x * 132 + 924
    else:
        x = x - 132
    if x == 133:
        x = x * 133 + 931
    else:
        x = x - 133
    if x == 134:
        x = x * 134 + 938
    else:
        x = x - 134
    if x == 135:
        x = x * 135 + 945
    else:
        x = x - 135
    if x == 136:
        x = x * 136 + 952
    else:
        x = x - 136
    if x == 137:
        x = x * 137 + 959
    else:
        x = x - 137
    if x == 138:
        x = x * 138 + 966
    else:
        x = x - 138
    if x == 139:
        x = x * 139 + 973
    else:
        x = x - 139
    if x == 140:
        x = x * 140 + 980
    else:
        x = x - 140
    if x == 141:
        x = x * 141 + 987
    else:
        x = x - 141
    if x == 142:
        x = x * 142 + 994
    else:
        x = x - 142
    if x == 143:
        x = x * 143 + 1001
    else:
        x = x - 143
    if x == 144:
        x = x * 144 + 1008
    else:
        x = x - 144
    if x == 145:
        x = x * 145 + 1015
    else:
        x = x - 145
    if x == 146:
        x = x * 146 + 1022
    else:
        x = x - 146
    if x == 147:
        x = x * 147 + 1029
    else:
        x = x - 147
    if x == 148:
        x = x * 148 + 1036
    else:
        x = x - 148
    if x == 149:
        x = x * 149 + 1043
    else:
        x = x - 149
    if x == 150:
        x = x * 150 + 1050
    else:
        x = x - 150
    if x == 151:
        x = x * 151 + 1057
    else:
        x = x - 151
    if x == 152:
        x = x * 152 + 1064
    else:
        x = x - 152
    if x == 153:
        x = x * 153 + 1071
    else:
        x = x - 153
    if x == 154:
        x = x * 154 + 1078
    else:
        x = x - 154
    if x == 155:
        x = x * 155 + 1085
    else:
        x = x - 155
    if x == 156:
        x = x * 156 + 1092
    else:
        x = x - 156
    if x == 157:
        x = x * 157 + 1099
    else:
        x = x - 157
    if x == 158:
        x = x * 158 + 1106
    else:
        x = x - 158
    if x == 159:
        x = x * 159 + 1113
    else:
        x = x - 159
    if x == 160:
        x = x * 160 + 1120
    else:
        x = x - 160
    if x == 161:
        x = x * 161 + 1127
    else:
        x = x - 161
    if x == 162:
        x = x * 162 + 1134
    else:
        x = x - 162
    if x == 163:
        x = x * 163 + 1141
    else:
        x = x - 163
    if x == 164:
        x = x * 164 + 1148
    else:
        x = x - 164
    if x == 165:
        x = x * 165 + 1155
    else:
        x = x - 165
    if x == 166:
        x = x * 166 + 1162
    else:
        x = x - 166
    if x == 167:
        x = x * 167 + 1169
    else:
        x = x - 167
    if x == 168:
        x = x * 168 + 1176
    else:
        x = x - 168
    if x == 169:
        x = x * 169 + 1183
    else:
        x = x - 169
    if x == 170:
        x = x * 170 + 1190
    else:
        x = x - 170
    if x == 171:
        x = x * 171 + 1197
    else:
        x = x - 171
    if x == 172:
        x = x * 172 + 1204
    else:
        x = x - 172
    if x == 173:
        x = x * 173 + 1211
    else:
        x = x - 173
    if x == 174:
        x = x * 174 + 1218
    else:
        x = x - 174
    if x == 175:
        x = x * 175 + 1225
    else:
        x = x - 175
    if x == 176:
        x = x * 176 + 1232
    else:
        x = x - 176
    if x == 177:
        x = x * 177 + 1239
    else:
        x = x - 177
    if x == 178:
        x = x * 178 + 1246
    else:
        x = x - 178
    if x == 179:
        x = x * 179 + 1253
    else:
        x = x - 179
    if x == 180:
        x = x * 180 + 1260
    else:
        x = x - 180
    if x == 181:
        x = x * 181 + 1267
    else:
        x = x - 181
    if x == 182:
        x = x * 182 + 1274
    else:
        x = x - 182
    if x == 183:
        x = x * 183 + 1281
    else:
        x = x - 183
    if x == 184:
        x = x * 184 + 1288
    else:
        x = x - 184
    if x == 185:
        x = x * 185 + 1295
    else:
        x = x - 185
    if x == 186:
        x = x * 186 + 1302
    else:
        x = x - 186
    if x == 187:
        x = x * 187 + 1309
    else:
        x = x - 187
    if x == 188:
        x = x * 188 + 1316
    else:
        x = x - 188
    if x == 189:
        x = x * 189 + 1323
    else:
        x = x - 189
    if x == 190:
        x = x * 190 + 1330
    else:
        x = x - 190
    if x == 191:
        x = x * 191 + 1337
    else:
        x = x - 191
    if x == 192:
        x = x * 192 + 1344
    else:
        x = x - 192
    if x == 193:
        x = x * 193 + 1351
    else:
        x = x - 193
    if x == 194:
        x = x * 194 + 1358
    else:
        x = x - 194
    if x == 195:
        x = x * 195 + 1365
    else:
        x = x - 195
    if x == 196:
        x = x * 196 + 1372
    else:
        x = x - 196
    if x == 197:
        x = x * 197 + 1379
    else:
        x = x - 197
    if x == 198:
        x = x * 198 + 1386
    else:
        x = x - 198
    if x == 199:
        x = x * 199 + 1393
    else:
        x = x - 199
    if x == 200:
        x = x * 200 + 1400
    else:
        x = x - 200
    if x == 201:
        x = x * 201 + 1407
    else:
        x = x - 201
    if x == 202:
        x = x * 202 + 1414
    else:
        x = x - 202
    if x == 203:
        x = x * 203 + 1421
    else:
        x = x - 203
    if x == 204:
        x = x * 204 + 1428
    else:
        x = x - 204
    if x == 205:
        x = x * 205 + 1435
    else:
        x = x - 205
    if x == 206:
        x = x * 206 + 1442
    else:
        x = x - 206
    if x == 207:
        x = x * 207 + 1449
    else:
        x = x - 207
    if x == 208:
        x = x * 208 + 1456
    else:
        x = x - 208
    if x == 209:
        x = x * 209 + 1463
    else:
        x = x - 209
    if x == 210:
        x = x * 210 + 1470
    else:
        x = x - 210
    if x == 211:
        x = x * 211 + 1477
    else:
        x = x - 211
    if x == 212:
        x = x * 212 + 1484
    else:
        x = x - 212
    if x == 213:
        x = x * 213 + 1491
    else:
        x = x - 213
    if x == 214:
        x = x * 214 + 1498
    else:
        x = x - 214
    if x == 215:
        x = x * 215 + 1505
    else:
        x = x - 215
    if x == 216:
        x = x * 216 + 1512
    else:
        x = x - 216
    if x == 217:
        x = x * 217 + 1519
    else:
        x = x - 217
    if x == 218:
        x = x * 218 + 1526
    else:
        x = x - 218
    if x == 219:
        x = x * 219 + 1533
    else:
        x = x - 219
    if x == 220:
        x = x * 220 + 1540
    else:
        x = x - 220
    if x == 221:
        x = x * 221 + 1547
    else:
        x = x - 221
    if x == 222:
        x = x * 222 + 1554
    else:
        x = x - 222
    if x == 223:
        x = x * 223 + 1561
    else:
        x = x - 223
    if x == 224:
        x = x * 224 + 1568
    else:
        x = x - 224
    if x == 225:
        x = x * 225 + 1575
    else:
        x = x - 225
    if x == 226:
        x = x * 226 + 1582
    else:
        x = x - 226
    if x == 227:
        x = x * 227 + 1589
    else:
        x = x - 227
    if x == 228:
        x = x * 228 + 1596
    else:
        x = x - 228
    if x == 229:
        x = x * 229 + 1603
    else:
        x = x - 229
    if x == 230:
        x = x * 230 + 1610
    else:
        x = x - 230
    if x == 231:
        x = x * 231 + 1617
    else:
        x = x - 231
    if x == 232:
        x = x * 232 + 1624
    else:
        x = x - 232
    if x == 233:
        x = x * 233 + 1631
    else:
        x = x - 233
    if x == 234:
        x = x * 234 + 1638
    else:
        x = x - 234
    if x == 235:
        x = x * 235 + 1645
    else:
        x = x - 235
    if x == 236:
        x = x * 236 + 1652
    else:
        x = x - 236
    if x == 237:
        x = x * 237 + 1659
    else:
        x = x - 237
    if x == 238:
        x = x * 238 + 1666
    else:
        x = x - 238
    if x == 239:
        x = x * 239 + 1673
    else:
        x = x - 239
    if x == 240:
        x = x * 240 + 1680
    else:
        x = x - 240
    if x == 241:
        x = x * 241 + 1687
    else:
        x = x - 241
    if x == 242:
        x = x * 242 + 1694
    else:
        x = x - 242
    if x == 243:
        x = x * 243 + 1701
    else:
        x = x - 243
    if x == 244:
        x = x * 244 + 1708
    else:
        x = x - 244
    if x == 245:
        x = x * 245 + 1715
    else:
        x = x - 245
    if x == 246:
        x = x * 246 + 1722
    else:
        x = x - 246
    if x == 247:
        x = x * 247 + 1729
    else:
        x = x - 247
    if x == 248:
        x = x * 248 + 1736
    else:
        x = x - 248
    if x == 249:
        x = x * 249 + 1743
    else:
        x = x - 249
    if x == 250:
        x = x * 250 + 1750
    else:
        x = x - 250
    if x == 251:
        x = x * 251 + 1757
    else:
        x = x - 251
    if x == 252:
        x = x * 252 + 1764
    else:
        x = x - 252
    if x == 253:
        x = x * 253 + 1771
    else:
        x = x - 253
    if x == 254:
        x = x * 254 + 1778
    else:
        x = x - 254
    if x == 255:
        x = x * 255 + 1785
    else:
        x = x - 255
    if x == 256:
        x = x * 256 + 1792
    else:
        x = x - 256
    if x == 257:
        x = x * 257 + 1799
    else:
        x = x - 257
    if x == 258:
        x = x * 258 + 1806
    else:
        x = x - 258
    if x == 259:
        x = x * 259 + 1813
    else:
        x = x - 259
    if x == 260:
        x = x * 260 + 1820
    else:
        x = x - 260
    if x == 261:
        x = x * 261 + 1827
    else:
        x = x - 261
    if x == 262:
        x = x * 262 + 1834
    else:
        x = x - 262
    if x == 263:
        x = x * 263 + 1841
    else:
        x = x - 263
    if x == 264:
        x = x * 264 + 1848
    else:
        x = x - 264
    if x == 265:
        x = x * 265 + 1855
    else:
        x = x - 265
    if x == 266:
        x = x * 266 + 1862
    else:
        x = x - 266
    if x == 267:
        x = x * 267 + 1869
    else:
        x = x - 267
    if x == 268:
        x = x * 268 + 1876
    else:
        x = x - 268
    if x == 269:
        x = x * 269 + 1883
    else:
        x = x - 269
    if x == 270:
        x = x * 270 + 1890
    else:
        x = x - 270
    if x == 271:
        x = x * 271 + 1897
    else:
        x = x - 271
    if x == 272:
        x = x * 272 + 1904
    else:
        x = x - 272
    if x == 273:
        x = x * 273 + 1911
    else:
        x = x - 273
    if x == 274:
        x = x * 274 + 1918
    else:
        x = x - 274
    if x == 275:
        x = x * 275 + 1925
    else:
        x = x - 275
    if x == 276:
        x = x * 276 + 1932
    else:
        x = x - 276
    if x == 277:
        x = x * 277 + 1939
    else:
        x = x - 277
    if x == 278:
        x = x * 278 + 1946
    else:
        x = x - 278
    if x == 279:
        x = x * 279 + 1953
    else:
        x = x - 279
    if x == 280:
        x = x * 280 + 1960
    else:
        x = x - 280
    if x == 281:
        x = x * 281 + 1967
    else:
        x = x - 281
    if x == 282:
        x = x * 282 + 1974
    else:
        x = x - 282
    if x == 283:
        x = x * 283 + 1981
    else:
        x = x - 283
    if x == 284:
        x = x * 284 + 1988
    else:
        x = x - 284
    if x == 285:
        x = x * 285 + 1995
    else:
        x = x - 285
    if x == 286:
        x = x * 286 + 2002
    else:
        x = x - 286
    if x == 287:
        x = x * 287 + 2009
    else:
        x = x - 287
    if x == 288:
        x = x * 288 + 2016
    else:
        x = x - 288
    if x == 289:
        x = x * 289 + 2023
    else:
        x = x - 289
    if x == 290:
        x = x * 290 + 2030
    else:
        x = x - 290
    if x == 291:
        x = x * 291 + 2037
    else:
        x = x - 291
    if x == 292:
        x = x * 292 + 2044
    else:
        x = x - 292
    if x == 293:
        x = x * 293 + 2051
    else:
        x = x - 293
    if x == 294:
        x = x * 294 + 2058
    else:
        x = x - 294
    if x == 295:
        x = x * 295 + 2065
    else:
        x = x - 295
    if x == 296:
        x = x * 296 + 2072
    else:
        x = x - 296
    if x == 297:
        x = x * 297 + 2079
    else:
        x = x - 297
    if x == 298:
        x = x * 298 + 2086
    else:
        x = x - 298
    if x == 299:
        x = x * 299 + 2093
    else:
        x = x - 299
    if x == 300:
        x = x * 300 + 2100
    else:
        x = x - 300
    if x == 301:
        x = x * 301 + 2107
    else:
        x = x - 301
    if x == 302:
        x = x * 302 + 2114
    else:
        x = x - 302
    if x == 303:
        x = x * 303 + 2121
    else:
        x = x - 303
    if x == 304:
        x = x * 304 + 2128
    else:
        x = x - 304
    if x == 305:
        x = x * 305 + 2135
    else:
        x = x - 305
    if x == 306:
        x = x * 306 + 2142
    else:
        x = x - 306
    if x == 307:
        x = x * 307 + 2149
    else:
        x = x - 307
    if x == 308:
        x = x * 308 + 2156
    else:
        x = x - 308
    if x == 309:
        x = x * 309 + 2163
    else:
        x = x - 309
    if x == 310:
        x = x * 310 + 2170
    else:
        x = x - 310
    if x == 311:
        x = x * 311 + 2177
    else:
        x = x - 311
    if x == 312:
        x = x * 312 + 2184
    else:
        x = x - 312
    if x == 313:
        x = x * 313 + 2191
    else:
        x = x - 313
    if x == 314:
        x = x * 314 + 2198
    else:
        x = x - 314
    if x == 315:
        x = x * 315 + 2205
    else:
        x = x - 315
    if x == 316:
        x = x * 316 + 2212
    else:
        x = x - 316
    if x == 317:
        x = x * 317 + 2219
    else:
        x = x - 317
    if x == 318:
        x = x * 318 + 2226
    else:
        x = x - 318
    if x == 319:
        x = x * 319 + 2233
    else:
        x = x - 319
    if x == 320:
        x = x * 320 + 2240
    else:
        x = x - 320
    if x == 321:
        x = x * 321 + 2247
    else:
        x = x - 321
    if x == 322:
        x = x * 322 + 2254
    else:
        x = x - 322
    if x == 323:
        x = x * 323 + 2261
    else:
        x = x - 323
    if x == 324:
        x = x * 324 + 2268
    else:
        x = x - 324
    if x == 325:
        x = x * 325 + 2275
    else:
        x = x - 325
    if x == 326:
        x = x * 326 + 2282
    else:
        x = x - 326
    if x == 327:
        x = x * 327 + 2289
    else:
        x = x - 327
    if x == 328:
        x = x * 328 + 2296
    else:
        x = x - 328
    if x == 329:
        x = x * 329 + 2303
    else:
        x = x - 329
    if x == 330:
        x = x * 330 + 2310
    else:
        x = x - 330
    if x == 331:
        x = x * 331 + 2317
    else:
        x = x - 331
    if x == 332:
        x = x * 332 + 2324
    else:
        x = x - 332
    if x == 333:
        x = x * 333 + 2331
    else:
        x = x - 333
    if x == 334:
        x = x * 334 + 2338
    else:
        x = x - 334
    if x == 335:
        x = x * 335 + 2345
    else:
        x = x - 335
    if x == 336:
        x = x * 336 + 2352
    else:
        x = x - 336
    if x == 337:
        x = x * 337 + 2359
    else:
        x = x - 337
    if x == 338:
        x = x * 338 + 2366
    else:
        x = x - 338
    if x == 339:
        x = x * 339 + 2373
    else:
        x = x - 339
    if x == 340:
        x = x * 340 + 2380
    else:
        x = x - 340
    if x == 341:
        x = x * 341 + 2387
    else:
        x = x - 341
    if x == 342:
        x = x * 342 + 2394
    else:
        x = x - 342
    if x == 343:
        x = x * 343 + 2401
    else:
        x = x - 343
    if x == 344:
        x = x * 344 + 2408
    else:
        x = x - 344
    if x == 345:
        x = x * 345 + 2415
    else:
        x = x - 345
    if x == 346:
        x = x * 346 + 2422
    else:
        x = x - 346
    if x == 347:
        x = x * 347 + 2429
    else:
        x = x - 347
    if x == 348:
        x = x * 348 + 2436
    else:
        x = x - 348
    if x == 349:
        x = x * 349 + 2443
    else:
        x = x - 349
    if x == 350:
        x = x * 350 + 2450
    else:
        x = x - 350
    if x == 351:
        x = x * 351 + 2457
    else:
        x = x - 351
    if x == 352:
        x = x * 352 + 2464
    else:
        x = x - 352
    if x == 353:
        x = x * 353 + 2471
    else:
        x = x - 353
    if x == 354:
        x = x * 354 + 2478
    else:
        x = x - 354
    if x == 355:
        x = x * 355 + 2485
    else:
        x = x - 355
    if x == 356:
        x = x * 356 + 2492
    else:
        x = x - 356
    if x == 357:
        x = x * 357 + 2499
    else:
        x = x - 357
    if x == 358:
        x = x * 358 + 2506
    else:
        x = x - 358
    if x == 359:
        x = x * 359 + 2513
    else:
        x = x - 359
    if x == 360:
        x = x * 360 + 2520
    else:
        x = x - 360
    if x == 361:
        x = x * 361 + 2527
    else:
        x = x - 361
    if x == 362:
        x = x * 362 + 2534
    else:
        x = x - 362
    if x == 363:
        x = x * 363 + 2541
    else:
        x = x - 363
    if x == 364:
        x = x * 364 + 2548
    else:
        x = x - 364
    if x == 365:
        x = x * 365 + 2555
    else:
        x = x - 365
    if x == 366:
        x = x * 366 + 2562
    else:
        x = x - 366
    if x == 367:
        x = x * 367 + 2569
    else:
        x = x - 367
    if x == 368:
        x = x * 368 + 2576
    else:
        x = x - 368
    if x == 369:
        x = x * 369 + 2583
    else:
        x = x - 369
    if x == 370:
        x = x * 370 + 2590
    else:
        x = x - 370
    if x == 371:
        x = x * 371 + 2597
    else:
        x = x - 371
    if x == 372:
        x = x * 372 + 2604
    else:
        x = x - 372
    if x == 373:
        x = x * 373 + 2611
    else:
        x = x - 373
    if x == 374:
        x = x * 374 + 2618
    else:
        x = x - 374
    if x == 375:
        x = x * 375 + 2625
    else:
        x = x - 375
    if x == 376:
        x = x * 376 + 2632
    else:
        x = x - 376
    if x == 377:
        x = x * 377 + 2639
    else:
        x = x - 377
    if x == 378:
        x = x * 378 + 2646
    else:
        x = x - 378
    if x == 379:
        x = x * 379 + 2653
    else:
        x = x - 379
    if x == 380:
        x = x * 380 + 2660
    else:
        x = x - 380
    if x == 381:
        x = x * 381 + 2667
    else:
        x = x - 381
    if x == 382:
        x = x * 382 + 2674
    else:
        x = x - 382
    if x == 383:
        x = x * 383 + 2681
    else:
        x = x - 383
    if x == 384:
        x = x * 384 + 2688
    else:
        x = x - 384
    if x == 385:
        x = x * 385 + 2695
    else:
        x = x - 385
    if x == 386:
        x = x * 386 + 2702
    else:
        x = x - 386
    if x == 387:
        x = x * 387 + 2709
    else:
        x = x - 387
    if x == 388:
        x = x * 388 + 2716
    else:
        x = x - 388
    if x == 389:
        x = x * 389 + 2723
    else:
        x = x - 389
    if x == 390:
        x = x * 390 + 2730
    else:
        x = x - 390
    if x == 391:
        x = x * 391 + 2737
    else:
        x = x - 391
    if x == 392:
        x = x * 392 + 2744
    else:
        x = x - 392
    if x == 393:
        x = x * 393 + 2751
    else:
        x = x - 393
    if x == 394:
        x = x * 394 + 2758
    else:
        x = x - 394
    if x == 395:
        x = x * 395 + 2765
    else:
        x = x - 395
    if x == 396:
        x = x * 396 + 2772
    else:
        x = x - 396
    if x == 397:
        x = x * 397 + 2779
    else:
        x = x - 397
    if x == 398:
        x = x * 398 + 2786
    else:
        x = x - 398
    if x == 399:
        x = x * 399 + 2793
    else:
        x = x - 399
    return x
