// Unicode names and very long lines.
func.func @"ünïcödé_名前"(%a: memref<16xf32>, %b: memref<16xf32>) {
  %t = memref.alloc() : memref<16xf32>
  memref.copy %a, %t : memref<16xf32> to memref<16xf32>
  memref.copy %t, %b : memref<16xf32> to memref<16xf32>
  memref.dealloc %t : memref<16xf32>
  return
}

// -----
func.func @with_loc(%a: memref<16xf32>) {
  %t = memref.alloc() : memref<16xf32> loc("файл.py":3:7)
  memref.copy %a, %t : memref<16xf32> to memref<16xf32> loc(fused["層", "🚀"])
  memref.dealloc %t : memref<16xf32>
  return
}

// -----
func.func @wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww(%a: memref<16xf32>) {
  return
}

// -----
func.func @four_hundred_params(%a0: memref<8xf32>, %a1: memref<8xf32>, %a2: memref<8xf32>, %a3: memref<8xf32>, %a4: memref<8xf32>, %a5: memref<8xf32>, %a6: memref<8xf32>, %a7: memref<8xf32>, %a8: memref<8xf32>, %a9: memref<8xf32>, %a10: memref<8xf32>, %a11: memref<8xf32>, %a12: memref<8xf32>, %a13: memref<8xf32>, %a14: memref<8xf32>, %a15: memref<8xf32>, %a16: memref<8xf32>, %a17: memref<8xf32>, %a18: memref<8xf32>, %a19: memref<8xf32>, %a20: memref<8xf32>, %a21: memref<8xf32>, %a22: memref<8xf32>, %a23: memref<8xf32>, %a24: memref<8xf32>, %a25: memref<8xf32>, %a26: memref<8xf32>, %a27: memref<8xf32>, %a28: memref<8xf32>, %a29: memref<8xf32>, %a30: memref<8xf32>, %a31: memref<8xf32>, %a32: memref<8xf32>, %a33: memref<8xf32>, %a34: memref<8xf32>, %a35: memref<8xf32>, %a36: memref<8xf32>, %a37: memref<8xf32>, %a38: memref<8xf32>, %a39: memref<8xf32>, %a40: memref<8xf32>, %a41: memref<8xf32>, %a42: memref<8xf32>, %a43: memref<8xf32>, %a44: memref<8xf32>, %a45: memref<8xf32>, %a46: memref<8xf32>, %a47: memref<8xf32>, %a48: memref<8xf32>, %a49: memref<8xf32>, %a50: memref<8xf32>, %a51: memref<8xf32>, %a52: memref<8xf32>, %a53: memref<8xf32>, %a54: memref<8xf32>, %a55: memref<8xf32>, %a56: memref<8xf32>, %a57: memref<8xf32>, %a58: memref<8xf32>, %a59: memref<8xf32>, %a60: memref<8xf32>, %a61: memref<8xf32>, %a62: memref<8xf32>, %a63: memref<8xf32>, %a64: memref<8xf32>, %a65: memref<8xf32>, %a66: memref<8xf32>, %a67: memref<8xf32>, %a68: memref<8xf32>, %a69: memref<8xf32>, %a70: memref<8xf32>, %a71: memref<8xf32>, %a72: memref<8xf32>, %a73: memref<8xf32>, %a74: memref<8xf32>, %a75: memref<8xf32>, %a76: memref<8xf32>, %a77: memref<8xf32>, %a78: memref<8xf32>, %a79: memref<8xf32>, %a80: memref<8xf32>, %a81: memref<8xf32>, %a82: memref<8xf32>, %a83: memref<8xf32>, %a84: memref<8xf32>, %a85: memref<8xf32>, %a86: memref<8xf32>, %a87: memref<8xf32>, %a88: memref<8xf32>, %a89: memref<8xf32>, %a90: memref<8xf32>, %a91: memref<8xf32>, %a92: memref<8xf32>, %a93: memref<8xf32>, %a94: memref<8xf32>, %a95: memref<8xf32>, %a96: memref<8xf32>, %a97: memref<8xf32>, %a98: memref<8xf32>, %a99: memref<8xf32>, %a100: memref<8xf32>, %a101: memref<8xf32>, %a102: memref<8xf32>, %a103: memref<8xf32>, %a104: memref<8xf32>, %a105: memref<8xf32>, %a106: memref<8xf32>, %a107: memref<8xf32>, %a108: memref<8xf32>, %a109: memref<8xf32>, %a110: memref<8xf32>, %a111: memref<8xf32>, %a112: memref<8xf32>, %a113: memref<8xf32>, %a114: memref<8xf32>, %a115: memref<8xf32>, %a116: memref<8xf32>, %a117: memref<8xf32>, %a118: memref<8xf32>, %a119: memref<8xf32>, %a120: memref<8xf32>, %a121: memref<8xf32>, %a122: memref<8xf32>, %a123: memref<8xf32>, %a124: memref<8xf32>, %a125: memref<8xf32>, %a126: memref<8xf32>, %a127: memref<8xf32>, %a128: memref<8xf32>, %a129: memref<8xf32>, %a130: memref<8xf32>, %a131: memref<8xf32>, %a132: memref<8xf32>, %a133: memref<8xf32>, %a134: memref<8xf32>, %a135: memref<8xf32>, %a136: memref<8xf32>, %a137: memref<8xf32>, %a138: memref<8xf32>, %a139: memref<8xf32>, %a140: memref<8xf32>, %a141: memref<8xf32>, %a142: memref<8xf32>, %a143: memref<8xf32>, %a144: memref<8xf32>, %a145: memref<8xf32>, %a146: memref<8xf32>, %a147: memref<8xf32>, %a148: memref<8xf32>, %a149: memref<8xf32>, %a150: memref<8xf32>, %a151: memref<8xf32>, %a152: memref<8xf32>, %a153: memref<8xf32>, %a154: memref<8xf32>, %a155: memref<8xf32>, %a156: memref<8xf32>, %a157: memref<8xf32>, %a158: memref<8xf32>, %a159: memref<8xf32>, %a160: memref<8xf32>, %a161: memref<8xf32>, %a162: memref<8xf32>, %a163: memref<8xf32>, %a164: memref<8xf32>, %a165: memref<8xf32>, %a166: memref<8xf32>, %a167: memref<8xf32>, %a168: memref<8xf32>, %a169: memref<8xf32>, %a170: memref<8xf32>, %a171: memref<8xf32>, %a172: memref<8xf32>, %a173: memref<8xf32>, %a174: memref<8xf32>, %a175: memref<8xf32>, %a176: memref<8xf32>, %a177: memref<8xf32>, %a178: memref<8xf32>, %a179: memref<8xf32>, %a180: memref<8xf32>, %a181: memref<8xf32>, %a182: memref<8xf32>, %a183: memref<8xf32>, %a184: memref<8xf32>, %a185: memref<8xf32>, %a186: memref<8xf32>, %a187: memref<8xf32>, %a188: memref<8xf32>, %a189: memref<8xf32>, %a190: memref<8xf32>, %a191: memref<8xf32>, %a192: memref<8xf32>, %a193: memref<8xf32>, %a194: memref<8xf32>, %a195: memref<8xf32>, %a196: memref<8xf32>, %a197: memref<8xf32>, %a198: memref<8xf32>, %a199: memref<8xf32>, %a200: memref<8xf32>, %a201: memref<8xf32>, %a202: memref<8xf32>, %a203: memref<8xf32>, %a204: memref<8xf32>, %a205: memref<8xf32>, %a206: memref<8xf32>, %a207: memref<8xf32>, %a208: memref<8xf32>, %a209: memref<8xf32>, %a210: memref<8xf32>, %a211: memref<8xf32>, %a212: memref<8xf32>, %a213: memref<8xf32>, %a214: memref<8xf32>, %a215: memref<8xf32>, %a216: memref<8xf32>, %a217: memref<8xf32>, %a218: memref<8xf32>, %a219: memref<8xf32>, %a220: memref<8xf32>, %a221: memref<8xf32>, %a222: memref<8xf32>, %a223: memref<8xf32>, %a224: memref<8xf32>, %a225: memref<8xf32>, %a226: memref<8xf32>, %a227: memref<8xf32>, %a228: memref<8xf32>, %a229: memref<8xf32>, %a230: memref<8xf32>, %a231: memref<8xf32>, %a232: memref<8xf32>, %a233: memref<8xf32>, %a234: memref<8xf32>, %a235: memref<8xf32>, %a236: memref<8xf32>, %a237: memref<8xf32>, %a238: memref<8xf32>, %a239: memref<8xf32>, %a240: memref<8xf32>, %a241: memref<8xf32>, %a242: memref<8xf32>, %a243: memref<8xf32>, %a244: memref<8xf32>, %a245: memref<8xf32>, %a246: memref<8xf32>, %a247: memref<8xf32>, %a248: memref<8xf32>, %a249: memref<8xf32>, %a250: memref<8xf32>, %a251: memref<8xf32>, %a252: memref<8xf32>, %a253: memref<8xf32>, %a254: memref<8xf32>, %a255: memref<8xf32>, %a256: memref<8xf32>, %a257: memref<8xf32>, %a258: memref<8xf32>, %a259: memref<8xf32>, %a260: memref<8xf32>, %a261: memref<8xf32>, %a262: memref<8xf32>, %a263: memref<8xf32>, %a264: memref<8xf32>, %a265: memref<8xf32>, %a266: memref<8xf32>, %a267: memref<8xf32>, %a268: memref<8xf32>, %a269: memref<8xf32>, %a270: memref<8xf32>, %a271: memref<8xf32>, %a272: memref<8xf32>, %a273: memref<8xf32>, %a274: memref<8xf32>, %a275: memref<8xf32>, %a276: memref<8xf32>, %a277: memref<8xf32>, %a278: memref<8xf32>, %a279: memref<8xf32>, %a280: memref<8xf32>, %a281: memref<8xf32>, %a282: memref<8xf32>, %a283: memref<8xf32>, %a284: memref<8xf32>, %a285: memref<8xf32>, %a286: memref<8xf32>, %a287: memref<8xf32>, %a288: memref<8xf32>, %a289: memref<8xf32>, %a290: memref<8xf32>, %a291: memref<8xf32>, %a292: memref<8xf32>, %a293: memref<8xf32>, %a294: memref<8xf32>, %a295: memref<8xf32>, %a296: memref<8xf32>, %a297: memref<8xf32>, %a298: memref<8xf32>, %a299: memref<8xf32>, %a300: memref<8xf32>, %a301: memref<8xf32>, %a302: memref<8xf32>, %a303: memref<8xf32>, %a304: memref<8xf32>, %a305: memref<8xf32>, %a306: memref<8xf32>, %a307: memref<8xf32>, %a308: memref<8xf32>, %a309: memref<8xf32>, %a310: memref<8xf32>, %a311: memref<8xf32>, %a312: memref<8xf32>, %a313: memref<8xf32>, %a314: memref<8xf32>, %a315: memref<8xf32>, %a316: memref<8xf32>, %a317: memref<8xf32>, %a318: memref<8xf32>, %a319: memref<8xf32>, %a320: memref<8xf32>, %a321: memref<8xf32>, %a322: memref<8xf32>, %a323: memref<8xf32>, %a324: memref<8xf32>, %a325: memref<8xf32>, %a326: memref<8xf32>, %a327: memref<8xf32>, %a328: memref<8xf32>, %a329: memref<8xf32>, %a330: memref<8xf32>, %a331: memref<8xf32>, %a332: memref<8xf32>, %a333: memref<8xf32>, %a334: memref<8xf32>, %a335: memref<8xf32>, %a336: memref<8xf32>, %a337: memref<8xf32>, %a338: memref<8xf32>, %a339: memref<8xf32>, %a340: memref<8xf32>, %a341: memref<8xf32>, %a342: memref<8xf32>, %a343: memref<8xf32>, %a344: memref<8xf32>, %a345: memref<8xf32>, %a346: memref<8xf32>, %a347: memref<8xf32>, %a348: memref<8xf32>, %a349: memref<8xf32>, %a350: memref<8xf32>, %a351: memref<8xf32>, %a352: memref<8xf32>, %a353: memref<8xf32>, %a354: memref<8xf32>, %a355: memref<8xf32>, %a356: memref<8xf32>, %a357: memref<8xf32>, %a358: memref<8xf32>, %a359: memref<8xf32>, %a360: memref<8xf32>, %a361: memref<8xf32>, %a362: memref<8xf32>, %a363: memref<8xf32>, %a364: memref<8xf32>, %a365: memref<8xf32>, %a366: memref<8xf32>, %a367: memref<8xf32>, %a368: memref<8xf32>, %a369: memref<8xf32>, %a370: memref<8xf32>, %a371: memref<8xf32>, %a372: memref<8xf32>, %a373: memref<8xf32>, %a374: memref<8xf32>, %a375: memref<8xf32>, %a376: memref<8xf32>, %a377: memref<8xf32>, %a378: memref<8xf32>, %a379: memref<8xf32>, %a380: memref<8xf32>, %a381: memref<8xf32>, %a382: memref<8xf32>, %a383: memref<8xf32>, %a384: memref<8xf32>, %a385: memref<8xf32>, %a386: memref<8xf32>, %a387: memref<8xf32>, %a388: memref<8xf32>, %a389: memref<8xf32>, %a390: memref<8xf32>, %a391: memref<8xf32>, %a392: memref<8xf32>, %a393: memref<8xf32>, %a394: memref<8xf32>, %a395: memref<8xf32>, %a396: memref<8xf32>, %a397: memref<8xf32>, %a398: memref<8xf32>, %a399: memref<8xf32>) {
  %t = memref.alloc() : memref<8xf32>
  memref.copy %a0, %t : memref<8xf32> to memref<8xf32>
  memref.copy %t, %a399 : memref<8xf32> to memref<8xf32>
  memref.dealloc %t : memref<8xf32>
  return
}

// -----
memref.global "private" constant @long_literal : memref<4096xf32> = dense<[1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]>
func.func @uses_long_literal(%o: memref<4096xf32>) {
  %g = memref.get_global @long_literal : memref<4096xf32>
  linalg.copy ins(%g : memref<4096xf32>) outs(%o : memref<4096xf32>)
  return
}

// -----
func.func @"with spaces and \"quotes\""(%a: memref<4xf32>) {
  return
}

// -----
func.func @nul_in_string() attributes {s = "a\00b"} {
  return
}

// -----
func.func @unicode_in_error(%a: memref<4xf32>) {
  %x = «not an op» : memref<4xf32>
  return
}

// -----
func.func @three_hundred_allocations() {
  %t0 = memref.alloc() : memref<1xf32>
  memref.dealloc %t0 : memref<1xf32>
  %t1 = memref.alloc() : memref<2xf32>
  memref.dealloc %t1 : memref<2xf32>
  %t2 = memref.alloc() : memref<3xf32>
  memref.dealloc %t2 : memref<3xf32>
  %t3 = memref.alloc() : memref<4xf32>
  memref.dealloc %t3 : memref<4xf32>
  %t4 = memref.alloc() : memref<5xf32>
  memref.dealloc %t4 : memref<5xf32>
  %t5 = memref.alloc() : memref<6xf32>
  memref.dealloc %t5 : memref<6xf32>
  %t6 = memref.alloc() : memref<7xf32>
  memref.dealloc %t6 : memref<7xf32>
  %t7 = memref.alloc() : memref<8xf32>
  memref.dealloc %t7 : memref<8xf32>
  %t8 = memref.alloc() : memref<9xf32>
  memref.dealloc %t8 : memref<9xf32>
  %t9 = memref.alloc() : memref<10xf32>
  memref.dealloc %t9 : memref<10xf32>
  %t10 = memref.alloc() : memref<11xf32>
  memref.dealloc %t10 : memref<11xf32>
  %t11 = memref.alloc() : memref<12xf32>
  memref.dealloc %t11 : memref<12xf32>
  %t12 = memref.alloc() : memref<13xf32>
  memref.dealloc %t12 : memref<13xf32>
  %t13 = memref.alloc() : memref<14xf32>
  memref.dealloc %t13 : memref<14xf32>
  %t14 = memref.alloc() : memref<15xf32>
  memref.dealloc %t14 : memref<15xf32>
  %t15 = memref.alloc() : memref<16xf32>
  memref.dealloc %t15 : memref<16xf32>
  %t16 = memref.alloc() : memref<17xf32>
  memref.dealloc %t16 : memref<17xf32>
  %t17 = memref.alloc() : memref<18xf32>
  memref.dealloc %t17 : memref<18xf32>
  %t18 = memref.alloc() : memref<19xf32>
  memref.dealloc %t18 : memref<19xf32>
  %t19 = memref.alloc() : memref<20xf32>
  memref.dealloc %t19 : memref<20xf32>
  %t20 = memref.alloc() : memref<21xf32>
  memref.dealloc %t20 : memref<21xf32>
  %t21 = memref.alloc() : memref<22xf32>
  memref.dealloc %t21 : memref<22xf32>
  %t22 = memref.alloc() : memref<23xf32>
  memref.dealloc %t22 : memref<23xf32>
  %t23 = memref.alloc() : memref<24xf32>
  memref.dealloc %t23 : memref<24xf32>
  %t24 = memref.alloc() : memref<25xf32>
  memref.dealloc %t24 : memref<25xf32>
  %t25 = memref.alloc() : memref<26xf32>
  memref.dealloc %t25 : memref<26xf32>
  %t26 = memref.alloc() : memref<27xf32>
  memref.dealloc %t26 : memref<27xf32>
  %t27 = memref.alloc() : memref<28xf32>
  memref.dealloc %t27 : memref<28xf32>
  %t28 = memref.alloc() : memref<29xf32>
  memref.dealloc %t28 : memref<29xf32>
  %t29 = memref.alloc() : memref<30xf32>
  memref.dealloc %t29 : memref<30xf32>
  %t30 = memref.alloc() : memref<31xf32>
  memref.dealloc %t30 : memref<31xf32>
  %t31 = memref.alloc() : memref<32xf32>
  memref.dealloc %t31 : memref<32xf32>
  %t32 = memref.alloc() : memref<33xf32>
  memref.dealloc %t32 : memref<33xf32>
  %t33 = memref.alloc() : memref<34xf32>
  memref.dealloc %t33 : memref<34xf32>
  %t34 = memref.alloc() : memref<35xf32>
  memref.dealloc %t34 : memref<35xf32>
  %t35 = memref.alloc() : memref<36xf32>
  memref.dealloc %t35 : memref<36xf32>
  %t36 = memref.alloc() : memref<37xf32>
  memref.dealloc %t36 : memref<37xf32>
  %t37 = memref.alloc() : memref<38xf32>
  memref.dealloc %t37 : memref<38xf32>
  %t38 = memref.alloc() : memref<39xf32>
  memref.dealloc %t38 : memref<39xf32>
  %t39 = memref.alloc() : memref<40xf32>
  memref.dealloc %t39 : memref<40xf32>
  %t40 = memref.alloc() : memref<41xf32>
  memref.dealloc %t40 : memref<41xf32>
  %t41 = memref.alloc() : memref<42xf32>
  memref.dealloc %t41 : memref<42xf32>
  %t42 = memref.alloc() : memref<43xf32>
  memref.dealloc %t42 : memref<43xf32>
  %t43 = memref.alloc() : memref<44xf32>
  memref.dealloc %t43 : memref<44xf32>
  %t44 = memref.alloc() : memref<45xf32>
  memref.dealloc %t44 : memref<45xf32>
  %t45 = memref.alloc() : memref<46xf32>
  memref.dealloc %t45 : memref<46xf32>
  %t46 = memref.alloc() : memref<47xf32>
  memref.dealloc %t46 : memref<47xf32>
  %t47 = memref.alloc() : memref<48xf32>
  memref.dealloc %t47 : memref<48xf32>
  %t48 = memref.alloc() : memref<49xf32>
  memref.dealloc %t48 : memref<49xf32>
  %t49 = memref.alloc() : memref<50xf32>
  memref.dealloc %t49 : memref<50xf32>
  %t50 = memref.alloc() : memref<51xf32>
  memref.dealloc %t50 : memref<51xf32>
  %t51 = memref.alloc() : memref<52xf32>
  memref.dealloc %t51 : memref<52xf32>
  %t52 = memref.alloc() : memref<53xf32>
  memref.dealloc %t52 : memref<53xf32>
  %t53 = memref.alloc() : memref<54xf32>
  memref.dealloc %t53 : memref<54xf32>
  %t54 = memref.alloc() : memref<55xf32>
  memref.dealloc %t54 : memref<55xf32>
  %t55 = memref.alloc() : memref<56xf32>
  memref.dealloc %t55 : memref<56xf32>
  %t56 = memref.alloc() : memref<57xf32>
  memref.dealloc %t56 : memref<57xf32>
  %t57 = memref.alloc() : memref<58xf32>
  memref.dealloc %t57 : memref<58xf32>
  %t58 = memref.alloc() : memref<59xf32>
  memref.dealloc %t58 : memref<59xf32>
  %t59 = memref.alloc() : memref<60xf32>
  memref.dealloc %t59 : memref<60xf32>
  %t60 = memref.alloc() : memref<61xf32>
  memref.dealloc %t60 : memref<61xf32>
  %t61 = memref.alloc() : memref<62xf32>
  memref.dealloc %t61 : memref<62xf32>
  %t62 = memref.alloc() : memref<63xf32>
  memref.dealloc %t62 : memref<63xf32>
  %t63 = memref.alloc() : memref<64xf32>
  memref.dealloc %t63 : memref<64xf32>
  %t64 = memref.alloc() : memref<65xf32>
  memref.dealloc %t64 : memref<65xf32>
  %t65 = memref.alloc() : memref<66xf32>
  memref.dealloc %t65 : memref<66xf32>
  %t66 = memref.alloc() : memref<67xf32>
  memref.dealloc %t66 : memref<67xf32>
  %t67 = memref.alloc() : memref<68xf32>
  memref.dealloc %t67 : memref<68xf32>
  %t68 = memref.alloc() : memref<69xf32>
  memref.dealloc %t68 : memref<69xf32>
  %t69 = memref.alloc() : memref<70xf32>
  memref.dealloc %t69 : memref<70xf32>
  %t70 = memref.alloc() : memref<71xf32>
  memref.dealloc %t70 : memref<71xf32>
  %t71 = memref.alloc() : memref<72xf32>
  memref.dealloc %t71 : memref<72xf32>
  %t72 = memref.alloc() : memref<73xf32>
  memref.dealloc %t72 : memref<73xf32>
  %t73 = memref.alloc() : memref<74xf32>
  memref.dealloc %t73 : memref<74xf32>
  %t74 = memref.alloc() : memref<75xf32>
  memref.dealloc %t74 : memref<75xf32>
  %t75 = memref.alloc() : memref<76xf32>
  memref.dealloc %t75 : memref<76xf32>
  %t76 = memref.alloc() : memref<77xf32>
  memref.dealloc %t76 : memref<77xf32>
  %t77 = memref.alloc() : memref<78xf32>
  memref.dealloc %t77 : memref<78xf32>
  %t78 = memref.alloc() : memref<79xf32>
  memref.dealloc %t78 : memref<79xf32>
  %t79 = memref.alloc() : memref<80xf32>
  memref.dealloc %t79 : memref<80xf32>
  %t80 = memref.alloc() : memref<81xf32>
  memref.dealloc %t80 : memref<81xf32>
  %t81 = memref.alloc() : memref<82xf32>
  memref.dealloc %t81 : memref<82xf32>
  %t82 = memref.alloc() : memref<83xf32>
  memref.dealloc %t82 : memref<83xf32>
  %t83 = memref.alloc() : memref<84xf32>
  memref.dealloc %t83 : memref<84xf32>
  %t84 = memref.alloc() : memref<85xf32>
  memref.dealloc %t84 : memref<85xf32>
  %t85 = memref.alloc() : memref<86xf32>
  memref.dealloc %t85 : memref<86xf32>
  %t86 = memref.alloc() : memref<87xf32>
  memref.dealloc %t86 : memref<87xf32>
  %t87 = memref.alloc() : memref<88xf32>
  memref.dealloc %t87 : memref<88xf32>
  %t88 = memref.alloc() : memref<89xf32>
  memref.dealloc %t88 : memref<89xf32>
  %t89 = memref.alloc() : memref<90xf32>
  memref.dealloc %t89 : memref<90xf32>
  %t90 = memref.alloc() : memref<91xf32>
  memref.dealloc %t90 : memref<91xf32>
  %t91 = memref.alloc() : memref<92xf32>
  memref.dealloc %t91 : memref<92xf32>
  %t92 = memref.alloc() : memref<93xf32>
  memref.dealloc %t92 : memref<93xf32>
  %t93 = memref.alloc() : memref<94xf32>
  memref.dealloc %t93 : memref<94xf32>
  %t94 = memref.alloc() : memref<95xf32>
  memref.dealloc %t94 : memref<95xf32>
  %t95 = memref.alloc() : memref<96xf32>
  memref.dealloc %t95 : memref<96xf32>
  %t96 = memref.alloc() : memref<97xf32>
  memref.dealloc %t96 : memref<97xf32>
  %t97 = memref.alloc() : memref<98xf32>
  memref.dealloc %t97 : memref<98xf32>
  %t98 = memref.alloc() : memref<99xf32>
  memref.dealloc %t98 : memref<99xf32>
  %t99 = memref.alloc() : memref<100xf32>
  memref.dealloc %t99 : memref<100xf32>
  %t100 = memref.alloc() : memref<101xf32>
  memref.dealloc %t100 : memref<101xf32>
  %t101 = memref.alloc() : memref<102xf32>
  memref.dealloc %t101 : memref<102xf32>
  %t102 = memref.alloc() : memref<103xf32>
  memref.dealloc %t102 : memref<103xf32>
  %t103 = memref.alloc() : memref<104xf32>
  memref.dealloc %t103 : memref<104xf32>
  %t104 = memref.alloc() : memref<105xf32>
  memref.dealloc %t104 : memref<105xf32>
  %t105 = memref.alloc() : memref<106xf32>
  memref.dealloc %t105 : memref<106xf32>
  %t106 = memref.alloc() : memref<107xf32>
  memref.dealloc %t106 : memref<107xf32>
  %t107 = memref.alloc() : memref<108xf32>
  memref.dealloc %t107 : memref<108xf32>
  %t108 = memref.alloc() : memref<109xf32>
  memref.dealloc %t108 : memref<109xf32>
  %t109 = memref.alloc() : memref<110xf32>
  memref.dealloc %t109 : memref<110xf32>
  %t110 = memref.alloc() : memref<111xf32>
  memref.dealloc %t110 : memref<111xf32>
  %t111 = memref.alloc() : memref<112xf32>
  memref.dealloc %t111 : memref<112xf32>
  %t112 = memref.alloc() : memref<113xf32>
  memref.dealloc %t112 : memref<113xf32>
  %t113 = memref.alloc() : memref<114xf32>
  memref.dealloc %t113 : memref<114xf32>
  %t114 = memref.alloc() : memref<115xf32>
  memref.dealloc %t114 : memref<115xf32>
  %t115 = memref.alloc() : memref<116xf32>
  memref.dealloc %t115 : memref<116xf32>
  %t116 = memref.alloc() : memref<117xf32>
  memref.dealloc %t116 : memref<117xf32>
  %t117 = memref.alloc() : memref<118xf32>
  memref.dealloc %t117 : memref<118xf32>
  %t118 = memref.alloc() : memref<119xf32>
  memref.dealloc %t118 : memref<119xf32>
  %t119 = memref.alloc() : memref<120xf32>
  memref.dealloc %t119 : memref<120xf32>
  %t120 = memref.alloc() : memref<121xf32>
  memref.dealloc %t120 : memref<121xf32>
  %t121 = memref.alloc() : memref<122xf32>
  memref.dealloc %t121 : memref<122xf32>
  %t122 = memref.alloc() : memref<123xf32>
  memref.dealloc %t122 : memref<123xf32>
  %t123 = memref.alloc() : memref<124xf32>
  memref.dealloc %t123 : memref<124xf32>
  %t124 = memref.alloc() : memref<125xf32>
  memref.dealloc %t124 : memref<125xf32>
  %t125 = memref.alloc() : memref<126xf32>
  memref.dealloc %t125 : memref<126xf32>
  %t126 = memref.alloc() : memref<127xf32>
  memref.dealloc %t126 : memref<127xf32>
  %t127 = memref.alloc() : memref<128xf32>
  memref.dealloc %t127 : memref<128xf32>
  %t128 = memref.alloc() : memref<129xf32>
  memref.dealloc %t128 : memref<129xf32>
  %t129 = memref.alloc() : memref<130xf32>
  memref.dealloc %t129 : memref<130xf32>
  %t130 = memref.alloc() : memref<131xf32>
  memref.dealloc %t130 : memref<131xf32>
  %t131 = memref.alloc() : memref<132xf32>
  memref.dealloc %t131 : memref<132xf32>
  %t132 = memref.alloc() : memref<133xf32>
  memref.dealloc %t132 : memref<133xf32>
  %t133 = memref.alloc() : memref<134xf32>
  memref.dealloc %t133 : memref<134xf32>
  %t134 = memref.alloc() : memref<135xf32>
  memref.dealloc %t134 : memref<135xf32>
  %t135 = memref.alloc() : memref<136xf32>
  memref.dealloc %t135 : memref<136xf32>
  %t136 = memref.alloc() : memref<137xf32>
  memref.dealloc %t136 : memref<137xf32>
  %t137 = memref.alloc() : memref<138xf32>
  memref.dealloc %t137 : memref<138xf32>
  %t138 = memref.alloc() : memref<139xf32>
  memref.dealloc %t138 : memref<139xf32>
  %t139 = memref.alloc() : memref<140xf32>
  memref.dealloc %t139 : memref<140xf32>
  %t140 = memref.alloc() : memref<141xf32>
  memref.dealloc %t140 : memref<141xf32>
  %t141 = memref.alloc() : memref<142xf32>
  memref.dealloc %t141 : memref<142xf32>
  %t142 = memref.alloc() : memref<143xf32>
  memref.dealloc %t142 : memref<143xf32>
  %t143 = memref.alloc() : memref<144xf32>
  memref.dealloc %t143 : memref<144xf32>
  %t144 = memref.alloc() : memref<145xf32>
  memref.dealloc %t144 : memref<145xf32>
  %t145 = memref.alloc() : memref<146xf32>
  memref.dealloc %t145 : memref<146xf32>
  %t146 = memref.alloc() : memref<147xf32>
  memref.dealloc %t146 : memref<147xf32>
  %t147 = memref.alloc() : memref<148xf32>
  memref.dealloc %t147 : memref<148xf32>
  %t148 = memref.alloc() : memref<149xf32>
  memref.dealloc %t148 : memref<149xf32>
  %t149 = memref.alloc() : memref<150xf32>
  memref.dealloc %t149 : memref<150xf32>
  %t150 = memref.alloc() : memref<151xf32>
  memref.dealloc %t150 : memref<151xf32>
  %t151 = memref.alloc() : memref<152xf32>
  memref.dealloc %t151 : memref<152xf32>
  %t152 = memref.alloc() : memref<153xf32>
  memref.dealloc %t152 : memref<153xf32>
  %t153 = memref.alloc() : memref<154xf32>
  memref.dealloc %t153 : memref<154xf32>
  %t154 = memref.alloc() : memref<155xf32>
  memref.dealloc %t154 : memref<155xf32>
  %t155 = memref.alloc() : memref<156xf32>
  memref.dealloc %t155 : memref<156xf32>
  %t156 = memref.alloc() : memref<157xf32>
  memref.dealloc %t156 : memref<157xf32>
  %t157 = memref.alloc() : memref<158xf32>
  memref.dealloc %t157 : memref<158xf32>
  %t158 = memref.alloc() : memref<159xf32>
  memref.dealloc %t158 : memref<159xf32>
  %t159 = memref.alloc() : memref<160xf32>
  memref.dealloc %t159 : memref<160xf32>
  %t160 = memref.alloc() : memref<161xf32>
  memref.dealloc %t160 : memref<161xf32>
  %t161 = memref.alloc() : memref<162xf32>
  memref.dealloc %t161 : memref<162xf32>
  %t162 = memref.alloc() : memref<163xf32>
  memref.dealloc %t162 : memref<163xf32>
  %t163 = memref.alloc() : memref<164xf32>
  memref.dealloc %t163 : memref<164xf32>
  %t164 = memref.alloc() : memref<165xf32>
  memref.dealloc %t164 : memref<165xf32>
  %t165 = memref.alloc() : memref<166xf32>
  memref.dealloc %t165 : memref<166xf32>
  %t166 = memref.alloc() : memref<167xf32>
  memref.dealloc %t166 : memref<167xf32>
  %t167 = memref.alloc() : memref<168xf32>
  memref.dealloc %t167 : memref<168xf32>
  %t168 = memref.alloc() : memref<169xf32>
  memref.dealloc %t168 : memref<169xf32>
  %t169 = memref.alloc() : memref<170xf32>
  memref.dealloc %t169 : memref<170xf32>
  %t170 = memref.alloc() : memref<171xf32>
  memref.dealloc %t170 : memref<171xf32>
  %t171 = memref.alloc() : memref<172xf32>
  memref.dealloc %t171 : memref<172xf32>
  %t172 = memref.alloc() : memref<173xf32>
  memref.dealloc %t172 : memref<173xf32>
  %t173 = memref.alloc() : memref<174xf32>
  memref.dealloc %t173 : memref<174xf32>
  %t174 = memref.alloc() : memref<175xf32>
  memref.dealloc %t174 : memref<175xf32>
  %t175 = memref.alloc() : memref<176xf32>
  memref.dealloc %t175 : memref<176xf32>
  %t176 = memref.alloc() : memref<177xf32>
  memref.dealloc %t176 : memref<177xf32>
  %t177 = memref.alloc() : memref<178xf32>
  memref.dealloc %t177 : memref<178xf32>
  %t178 = memref.alloc() : memref<179xf32>
  memref.dealloc %t178 : memref<179xf32>
  %t179 = memref.alloc() : memref<180xf32>
  memref.dealloc %t179 : memref<180xf32>
  %t180 = memref.alloc() : memref<181xf32>
  memref.dealloc %t180 : memref<181xf32>
  %t181 = memref.alloc() : memref<182xf32>
  memref.dealloc %t181 : memref<182xf32>
  %t182 = memref.alloc() : memref<183xf32>
  memref.dealloc %t182 : memref<183xf32>
  %t183 = memref.alloc() : memref<184xf32>
  memref.dealloc %t183 : memref<184xf32>
  %t184 = memref.alloc() : memref<185xf32>
  memref.dealloc %t184 : memref<185xf32>
  %t185 = memref.alloc() : memref<186xf32>
  memref.dealloc %t185 : memref<186xf32>
  %t186 = memref.alloc() : memref<187xf32>
  memref.dealloc %t186 : memref<187xf32>
  %t187 = memref.alloc() : memref<188xf32>
  memref.dealloc %t187 : memref<188xf32>
  %t188 = memref.alloc() : memref<189xf32>
  memref.dealloc %t188 : memref<189xf32>
  %t189 = memref.alloc() : memref<190xf32>
  memref.dealloc %t189 : memref<190xf32>
  %t190 = memref.alloc() : memref<191xf32>
  memref.dealloc %t190 : memref<191xf32>
  %t191 = memref.alloc() : memref<192xf32>
  memref.dealloc %t191 : memref<192xf32>
  %t192 = memref.alloc() : memref<193xf32>
  memref.dealloc %t192 : memref<193xf32>
  %t193 = memref.alloc() : memref<194xf32>
  memref.dealloc %t193 : memref<194xf32>
  %t194 = memref.alloc() : memref<195xf32>
  memref.dealloc %t194 : memref<195xf32>
  %t195 = memref.alloc() : memref<196xf32>
  memref.dealloc %t195 : memref<196xf32>
  %t196 = memref.alloc() : memref<197xf32>
  memref.dealloc %t196 : memref<197xf32>
  %t197 = memref.alloc() : memref<198xf32>
  memref.dealloc %t197 : memref<198xf32>
  %t198 = memref.alloc() : memref<199xf32>
  memref.dealloc %t198 : memref<199xf32>
  %t199 = memref.alloc() : memref<200xf32>
  memref.dealloc %t199 : memref<200xf32>
  %t200 = memref.alloc() : memref<201xf32>
  memref.dealloc %t200 : memref<201xf32>
  %t201 = memref.alloc() : memref<202xf32>
  memref.dealloc %t201 : memref<202xf32>
  %t202 = memref.alloc() : memref<203xf32>
  memref.dealloc %t202 : memref<203xf32>
  %t203 = memref.alloc() : memref<204xf32>
  memref.dealloc %t203 : memref<204xf32>
  %t204 = memref.alloc() : memref<205xf32>
  memref.dealloc %t204 : memref<205xf32>
  %t205 = memref.alloc() : memref<206xf32>
  memref.dealloc %t205 : memref<206xf32>
  %t206 = memref.alloc() : memref<207xf32>
  memref.dealloc %t206 : memref<207xf32>
  %t207 = memref.alloc() : memref<208xf32>
  memref.dealloc %t207 : memref<208xf32>
  %t208 = memref.alloc() : memref<209xf32>
  memref.dealloc %t208 : memref<209xf32>
  %t209 = memref.alloc() : memref<210xf32>
  memref.dealloc %t209 : memref<210xf32>
  %t210 = memref.alloc() : memref<211xf32>
  memref.dealloc %t210 : memref<211xf32>
  %t211 = memref.alloc() : memref<212xf32>
  memref.dealloc %t211 : memref<212xf32>
  %t212 = memref.alloc() : memref<213xf32>
  memref.dealloc %t212 : memref<213xf32>
  %t213 = memref.alloc() : memref<214xf32>
  memref.dealloc %t213 : memref<214xf32>
  %t214 = memref.alloc() : memref<215xf32>
  memref.dealloc %t214 : memref<215xf32>
  %t215 = memref.alloc() : memref<216xf32>
  memref.dealloc %t215 : memref<216xf32>
  %t216 = memref.alloc() : memref<217xf32>
  memref.dealloc %t216 : memref<217xf32>
  %t217 = memref.alloc() : memref<218xf32>
  memref.dealloc %t217 : memref<218xf32>
  %t218 = memref.alloc() : memref<219xf32>
  memref.dealloc %t218 : memref<219xf32>
  %t219 = memref.alloc() : memref<220xf32>
  memref.dealloc %t219 : memref<220xf32>
  %t220 = memref.alloc() : memref<221xf32>
  memref.dealloc %t220 : memref<221xf32>
  %t221 = memref.alloc() : memref<222xf32>
  memref.dealloc %t221 : memref<222xf32>
  %t222 = memref.alloc() : memref<223xf32>
  memref.dealloc %t222 : memref<223xf32>
  %t223 = memref.alloc() : memref<224xf32>
  memref.dealloc %t223 : memref<224xf32>
  %t224 = memref.alloc() : memref<225xf32>
  memref.dealloc %t224 : memref<225xf32>
  %t225 = memref.alloc() : memref<226xf32>
  memref.dealloc %t225 : memref<226xf32>
  %t226 = memref.alloc() : memref<227xf32>
  memref.dealloc %t226 : memref<227xf32>
  %t227 = memref.alloc() : memref<228xf32>
  memref.dealloc %t227 : memref<228xf32>
  %t228 = memref.alloc() : memref<229xf32>
  memref.dealloc %t228 : memref<229xf32>
  %t229 = memref.alloc() : memref<230xf32>
  memref.dealloc %t229 : memref<230xf32>
  %t230 = memref.alloc() : memref<231xf32>
  memref.dealloc %t230 : memref<231xf32>
  %t231 = memref.alloc() : memref<232xf32>
  memref.dealloc %t231 : memref<232xf32>
  %t232 = memref.alloc() : memref<233xf32>
  memref.dealloc %t232 : memref<233xf32>
  %t233 = memref.alloc() : memref<234xf32>
  memref.dealloc %t233 : memref<234xf32>
  %t234 = memref.alloc() : memref<235xf32>
  memref.dealloc %t234 : memref<235xf32>
  %t235 = memref.alloc() : memref<236xf32>
  memref.dealloc %t235 : memref<236xf32>
  %t236 = memref.alloc() : memref<237xf32>
  memref.dealloc %t236 : memref<237xf32>
  %t237 = memref.alloc() : memref<238xf32>
  memref.dealloc %t237 : memref<238xf32>
  %t238 = memref.alloc() : memref<239xf32>
  memref.dealloc %t238 : memref<239xf32>
  %t239 = memref.alloc() : memref<240xf32>
  memref.dealloc %t239 : memref<240xf32>
  %t240 = memref.alloc() : memref<241xf32>
  memref.dealloc %t240 : memref<241xf32>
  %t241 = memref.alloc() : memref<242xf32>
  memref.dealloc %t241 : memref<242xf32>
  %t242 = memref.alloc() : memref<243xf32>
  memref.dealloc %t242 : memref<243xf32>
  %t243 = memref.alloc() : memref<244xf32>
  memref.dealloc %t243 : memref<244xf32>
  %t244 = memref.alloc() : memref<245xf32>
  memref.dealloc %t244 : memref<245xf32>
  %t245 = memref.alloc() : memref<246xf32>
  memref.dealloc %t245 : memref<246xf32>
  %t246 = memref.alloc() : memref<247xf32>
  memref.dealloc %t246 : memref<247xf32>
  %t247 = memref.alloc() : memref<248xf32>
  memref.dealloc %t247 : memref<248xf32>
  %t248 = memref.alloc() : memref<249xf32>
  memref.dealloc %t248 : memref<249xf32>
  %t249 = memref.alloc() : memref<250xf32>
  memref.dealloc %t249 : memref<250xf32>
  %t250 = memref.alloc() : memref<251xf32>
  memref.dealloc %t250 : memref<251xf32>
  %t251 = memref.alloc() : memref<252xf32>
  memref.dealloc %t251 : memref<252xf32>
  %t252 = memref.alloc() : memref<253xf32>
  memref.dealloc %t252 : memref<253xf32>
  %t253 = memref.alloc() : memref<254xf32>
  memref.dealloc %t253 : memref<254xf32>
  %t254 = memref.alloc() : memref<255xf32>
  memref.dealloc %t254 : memref<255xf32>
  %t255 = memref.alloc() : memref<256xf32>
  memref.dealloc %t255 : memref<256xf32>
  %t256 = memref.alloc() : memref<257xf32>
  memref.dealloc %t256 : memref<257xf32>
  %t257 = memref.alloc() : memref<258xf32>
  memref.dealloc %t257 : memref<258xf32>
  %t258 = memref.alloc() : memref<259xf32>
  memref.dealloc %t258 : memref<259xf32>
  %t259 = memref.alloc() : memref<260xf32>
  memref.dealloc %t259 : memref<260xf32>
  %t260 = memref.alloc() : memref<261xf32>
  memref.dealloc %t260 : memref<261xf32>
  %t261 = memref.alloc() : memref<262xf32>
  memref.dealloc %t261 : memref<262xf32>
  %t262 = memref.alloc() : memref<263xf32>
  memref.dealloc %t262 : memref<263xf32>
  %t263 = memref.alloc() : memref<264xf32>
  memref.dealloc %t263 : memref<264xf32>
  %t264 = memref.alloc() : memref<265xf32>
  memref.dealloc %t264 : memref<265xf32>
  %t265 = memref.alloc() : memref<266xf32>
  memref.dealloc %t265 : memref<266xf32>
  %t266 = memref.alloc() : memref<267xf32>
  memref.dealloc %t266 : memref<267xf32>
  %t267 = memref.alloc() : memref<268xf32>
  memref.dealloc %t267 : memref<268xf32>
  %t268 = memref.alloc() : memref<269xf32>
  memref.dealloc %t268 : memref<269xf32>
  %t269 = memref.alloc() : memref<270xf32>
  memref.dealloc %t269 : memref<270xf32>
  %t270 = memref.alloc() : memref<271xf32>
  memref.dealloc %t270 : memref<271xf32>
  %t271 = memref.alloc() : memref<272xf32>
  memref.dealloc %t271 : memref<272xf32>
  %t272 = memref.alloc() : memref<273xf32>
  memref.dealloc %t272 : memref<273xf32>
  %t273 = memref.alloc() : memref<274xf32>
  memref.dealloc %t273 : memref<274xf32>
  %t274 = memref.alloc() : memref<275xf32>
  memref.dealloc %t274 : memref<275xf32>
  %t275 = memref.alloc() : memref<276xf32>
  memref.dealloc %t275 : memref<276xf32>
  %t276 = memref.alloc() : memref<277xf32>
  memref.dealloc %t276 : memref<277xf32>
  %t277 = memref.alloc() : memref<278xf32>
  memref.dealloc %t277 : memref<278xf32>
  %t278 = memref.alloc() : memref<279xf32>
  memref.dealloc %t278 : memref<279xf32>
  %t279 = memref.alloc() : memref<280xf32>
  memref.dealloc %t279 : memref<280xf32>
  %t280 = memref.alloc() : memref<281xf32>
  memref.dealloc %t280 : memref<281xf32>
  %t281 = memref.alloc() : memref<282xf32>
  memref.dealloc %t281 : memref<282xf32>
  %t282 = memref.alloc() : memref<283xf32>
  memref.dealloc %t282 : memref<283xf32>
  %t283 = memref.alloc() : memref<284xf32>
  memref.dealloc %t283 : memref<284xf32>
  %t284 = memref.alloc() : memref<285xf32>
  memref.dealloc %t284 : memref<285xf32>
  %t285 = memref.alloc() : memref<286xf32>
  memref.dealloc %t285 : memref<286xf32>
  %t286 = memref.alloc() : memref<287xf32>
  memref.dealloc %t286 : memref<287xf32>
  %t287 = memref.alloc() : memref<288xf32>
  memref.dealloc %t287 : memref<288xf32>
  %t288 = memref.alloc() : memref<289xf32>
  memref.dealloc %t288 : memref<289xf32>
  %t289 = memref.alloc() : memref<290xf32>
  memref.dealloc %t289 : memref<290xf32>
  %t290 = memref.alloc() : memref<291xf32>
  memref.dealloc %t290 : memref<291xf32>
  %t291 = memref.alloc() : memref<292xf32>
  memref.dealloc %t291 : memref<292xf32>
  %t292 = memref.alloc() : memref<293xf32>
  memref.dealloc %t292 : memref<293xf32>
  %t293 = memref.alloc() : memref<294xf32>
  memref.dealloc %t293 : memref<294xf32>
  %t294 = memref.alloc() : memref<295xf32>
  memref.dealloc %t294 : memref<295xf32>
  %t295 = memref.alloc() : memref<296xf32>
  memref.dealloc %t295 : memref<296xf32>
  %t296 = memref.alloc() : memref<297xf32>
  memref.dealloc %t296 : memref<297xf32>
  %t297 = memref.alloc() : memref<298xf32>
  memref.dealloc %t297 : memref<298xf32>
  %t298 = memref.alloc() : memref<299xf32>
  memref.dealloc %t298 : memref<299xf32>
  %t299 = memref.alloc() : memref<300xf32>
  memref.dealloc %t299 : memref<300xf32>
  return
}
