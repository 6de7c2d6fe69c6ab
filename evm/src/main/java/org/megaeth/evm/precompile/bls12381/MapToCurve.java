package org.megaeth.evm.precompile.bls12381;

import java.math.BigInteger;

/**
 * The field-to-curve maps of EIP-2537 MAP_FP_TO_G1 and MAP_FP2_TO_G2 up to, not including, the
 * cofactor clearing: the simplified SWU map onto an isogenous curve E' (A'B' != 0) followed by the
 * isogeny onto E ({@code assets/eip-2537/field_to_curve.md}, the same as RFC 9380 sections 6.6.2
 * and 6.6.3 with the BLS12381G1/G2 suites' constants). The blst binding the precompiles use does
 * not expose blst's own map, so this does the field arithmetic with {@link BigInteger}; the
 * precompiles price it at 5500 and 23800 gas, far above what it costs here.
 *
 * <p>Results are affine coordinates on E as integers below p, or null for the point at infinity
 * (the exceptional case of the isogeny, where a denominator vanishes).
 */
final class MapToCurve {
  private MapToCurve() {}

  /** The base field modulus. */
  static final BigInteger P =
      hex(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab");

  private static final BigInteger TWO = BigInteger.TWO;

  /** (p + 1) / 4: p = 3 mod 4, so a square's root is its (p+1)/4-th power. */
  private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);

  private static final BigInteger HALF = TWO.modInverse(P);

  // ---- G1: E': y^2 = x^3 + A'x + B', Z = 11, 11-isogeny onto y^2 = x^3 + 4.

  private static final BigInteger G1_A =
      hex(
          "144698a3b8e9433d693a02c96d4982b0ea985383ee66a8d8e8981aefd881ac98936f8da0e0f97f5cf428082d584c1d");
  private static final BigInteger G1_B =
      hex(
          "12e2908d11688030018b12e8753eee3b2016c1f0f24f4070a0b9c14fcef35ef55a23215a316ceaa5d1cc48e98e172be0");
  private static final BigInteger G1_Z = BigInteger.valueOf(11);

  /** k_(1,0..11): x_num, lowest degree first. */
  private static final BigInteger[] G1_X_NUM =
      hexes(
          "11a05f2b1e833340b809101dd99815856b303e88a2d7005ff2627b56cdb4e2c85610c2d5f2e62d6eaeac1662734649b7",
          "17294ed3e943ab2f0588bab22147a81c7c17e75b2f6a8417f565e33c70d1e86b4838f2a6f318c356e834eef1b3cb83bb",
          "0d54005db97678ec1d1048c5d10a9a1bce032473295983e56878e501ec68e25c958c3e3d2a09729fe0179f9dac9edcb0",
          "1778e7166fcc6db74e0609d307e55412d7f5e4656a8dbf25f1b33289f1b330835336e25ce3107193c5b388641d9b6861",
          "0e99726a3199f4436642b4b3e4118e5499db995a1257fb3f086eeb65982fac18985a286f301e77c451154ce9ac8895d9",
          "1630c3250d7313ff01d1201bf7a74ab5db3cb17dd952799b9ed3ab9097e68f90a0870d2dcae73d19cd13c1c66f652983",
          "0d6ed6553fe44d296a3726c38ae652bfb11586264f0f8ce19008e218f9c86b2a8da25128c1052ecaddd7f225a139ed84",
          "17b81e7701abdbe2e8743884d1117e53356de5ab275b4db1a682c62ef0f2753339b7c8f8c8f475af9ccb5618e3f0c88e",
          "080d3cf1f9a78fc47b90b33563be990dc43b756ce79f5574a2c596c928c5d1de4fa295f296b74e956d71986a8497e317",
          "169b1f8e1bcfa7c42e0c37515d138f22dd2ecb803a0c5c99676314baf4bb1b7fa3190b2edc0327797f241067be390c9e",
          "10321da079ce07e272d8ec09d2565b0dfa7dccdde6787f96d50af36003b14866f69b771f8c285decca67df3f1605fb7b",
          "06e08c248e260e70bd1e962381edee3d31d79d7e22c837bc23c0bf1bc24c6b68c24b1b80b64d391fa9c8ba2e8ba2d229");

  /** k_(2,0..9) then the monic x'^10: x_den. */
  private static final BigInteger[] G1_X_DEN =
      hexes(
          "08ca8d548cff19ae18b2e62f4bd3fa6f01d5ef4ba35b48ba9c9588617fc8ac62b558d681be343df8993cf9fa40d21b1c",
          "12561a5deb559c4348b4711298e536367041e8ca0cf0800c0126c2588c48bf5713daa8846cb026e9e5c8276ec82b3bff",
          "0b2962fe57a3225e8137e629bff2991f6f89416f5a718cd1fca64e00b11aceacd6a3d0967c94fedcfcc239ba5cb83e19",
          "03425581a58ae2fec83aafef7c40eb545b08243f16b1655154cca8abc28d6fd04976d5243eecf5c4130de8938dc62cd8",
          "13a8e162022914a80a6f1d5f43e7a07dffdfc759a12062bb8d6b44e833b306da9bd29ba81f35781d539d395b3532a21e",
          "0e7355f8e4e667b955390f7f0506c6e9395735e9ce9cad4d0a43bcef24b8982f7400d24bc4228f11c02df9a29f6304a5",
          "0772caacf16936190f3e0c63e0596721570f5799af53a1894e2e073062aede9cea73b3538f0de06cec2574496ee84a3a",
          "14a7ac2a9d64a8b230b3f5b074cf01996e7f63c21bca68a81996e1cdf9822c580fa5b9489d11e2d311f7d99bbdcc5a5e",
          "0a10ecf6ada54f825e920b3dafc7a3cce07f8d1d7161366b74100da67f39883503826692abba43704776ec3a79a1d641",
          "095fc13ab9e92ad4476d6e3eb3a56680f682b4ee96f7d03776df533978f31c1593174e4b4b7865002d6384d168ecdd0a",
          "01");

  /** k_(3,0..15): y_num. */
  private static final BigInteger[] G1_Y_NUM =
      hexes(
          "090d97c81ba24ee0259d1f094980dcfa11ad138e48a869522b52af6c956543d3cd0c7aee9b3ba3c2be9845719707bb33",
          "134996a104ee5811d51036d776fb46831223e96c254f383d0f906343eb67ad34d6c56711962fa8bfe097e75a2e41c696",
          "00cc786baa966e66f4a384c86a3b49942552e2d658a31ce2c344be4b91400da7d26d521628b00523b8dfe240c72de1f6",
          "01f86376e8981c217898751ad8746757d42aa7b90eeb791c09e4a3ec03251cf9de405aba9ec61deca6355c77b0e5f4cb",
          "08cc03fdefe0ff135caf4fe2a21529c4195536fbe3ce50b879833fd221351adc2ee7f8dc099040a841b6daecf2e8fedb",
          "16603fca40634b6a2211e11db8f0a6a074a7d0d4afadb7bd76505c3d3ad5544e203f6326c95a807299b23ab13633a5f0",
          "04ab0b9bcfac1bbcb2c977d027796b3ce75bb8ca2be184cb5231413c4d634f3747a87ac2460f415ec961f8855fe9d6f2",
          "0987c8d5333ab86fde9926bd2ca6c674170a05bfe3bdd81ffd038da6c26c842642f64550fedfe935a15e4ca31870fb29",
          "09fc4018bd96684be88c9e221e4da1bb8f3abd16679dc26c1e8b6e6a1f20cabe69d65201c78607a360370e577bdba587",
          "0e1bba7a1186bdb5223abde7ada14a23c42a0ca7915af6fe06985e7ed1e4d43b9b3f7055dd4eba6f2bafaaebca731c30",
          "19713e47937cd1be0dfd0b8f1d43fb93cd2fcbcb6caf493fd1183e416389e61031bf3a5cce3fbafce813711ad011c132",
          "18b46a908f36f6deb918c143fed2edcc523559b8aaf0c2462e6bfe7f911f643249d9cdf41b44d606ce07c8a4d0074d8e",
          "0b182cac101b9399d155096004f53f447aa7b12a3426b08ec02710e807b4633f06c851c1919211f20d4c04f00b971ef8",
          "0245a394ad1eca9b72fc00ae7be315dc757b3b080d4c158013e6632d3c40659cc6cf90ad1c232a6442d9d3f5db980133",
          "05c129645e44cf1102a159f748c4a3fc5e673d81d7e86568d9ab0f5d396a7ce46ba1049b6579afb7866b1e715475224b",
          "15e6be4e990f03ce4ea50b3b42df2eb5cb181d8f84965a3957add4fa95af01b2b665027efec01c7704b456be69c8b604");

  /** k_(4,0..14) then the monic x'^15: y_den. */
  private static final BigInteger[] G1_Y_DEN =
      hexes(
          "16112c4c3a9c98b252181140fad0eae9601a6de578980be6eec3232b5be72e7a07f3688ef60c206d01479253b03663c1",
          "1962d75c2381201e1a0cbd6c43c348b885c84ff731c4d59ca4a10356f453e01f78a4260763529e3532f6102c2e49a03d",
          "058df3306640da276faaae7d6e8eb15778c4855551ae7f310c35a5dd279cd2eca6757cd636f96f891e2538b53dbf67f2",
          "16b7d288798e5395f20d23bf89edb4d1d115c5dbddbcd30e123da489e726af41727364f2c28297ada8d26d98445f5416",
          "0be0e079545f43e4b00cc912f8228ddcc6d19c9f0f69bbb0542eda0fc9dec916a20b15dc0fd2ededda39142311a5001d",
          "08d9e5297186db2d9fb266eaac783182b70152c65550d881c5ecd87b6f0f5a6449f38db9dfa9cce202c6477faaf9b7ac",
          "166007c08a99db2fc3ba8734ace9824b5eecfdfa8d0cf8ef5dd365bc400a0051d5fa9c01a58b1fb93d1a1399126a775c",
          "16a3ef08be3ea7ea03bcddfabba6ff6ee5a4375efa1f4fd7feb34fd206357132b920f5b00801dee460ee415a15812ed9",
          "1866c8ed336c61231a1be54fd1d74cc4f9fb0ce4c6af5920abc5750c4bf39b4852cfe2f7bb9248836b233d9d55535d4a",
          "167a55cda70a6e1cea820597d94a84903216f763e13d87bb5308592e7ea7d4fbc7385ea3d529b35e346ef48bb8913f55",
          "04d2f259eea405bd48f010a01ad2911d9c6dd039bb61a6290e591b36e636a5c871a5c29f4f83060400f8b49cba8f6aa8",
          "0accbb67481d033ff5852c1e48c50c477f94ff8aefce42d28c0f9a88cea7913516f968986f7ebbea9684b529e2561092",
          "0ad6b9514c767fe3c3613144b45f1496543346d98adf02267d5ceef9a00d9b8693000763e3b90ac11e99b138573345cc",
          "02660400eb2e4f3b628bdd0d53cd76f2bf565b94e72927c1cb748df27942480e420517bd8714cc80d1fadc1326ed06f7",
          "0e0fa1d816ddc03e6b24255e0d7819c171c40f65e273b853324efcd6356caa205ca2f570f13497804415473a1d634b8f",
          "01");

  // ---- G2: E': y^2 = x^3 + 240i x + 1012(1+i), Z = -(2+i), 3-isogeny onto y^2 = x^3 + 4(1+i).

  private static final Fp2 G2_A = new Fp2(BigInteger.ZERO, BigInteger.valueOf(240));
  private static final Fp2 G2_B = new Fp2(BigInteger.valueOf(1012), BigInteger.valueOf(1012));
  private static final Fp2 G2_Z = new Fp2(P.subtract(TWO), P.subtract(BigInteger.ONE));

  private static final BigInteger K10 =
      hex(
          "05c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6");
  private static final BigInteger K11 =
      hex(
          "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a");
  private static final BigInteger K30 =
      hex(
          "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706");
  private static final BigInteger K40 =
      hex(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb");

  /** k_(1,0..3): x_num. */
  private static final Fp2[] G2_X_NUM = {
    new Fp2(K10, K10),
    new Fp2(BigInteger.ZERO, K11),
    new Fp2(
        hex(
            "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e"),
        hex(
            "08ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d")),
    new Fp2(
        hex(
            "171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1"),
        BigInteger.ZERO)
  };

  /** k_(2,0..1) then the monic x'^2: x_den. */
  private static final Fp2[] G2_X_DEN = {
    new Fp2(
        BigInteger.ZERO,
        hex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63")),
    new Fp2(
        BigInteger.valueOf(12),
        hex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f")),
    Fp2.ONE
  };

  /** k_(3,0..3): y_num. */
  private static final Fp2[] G2_Y_NUM = {
    new Fp2(K30, K30),
    new Fp2(
        BigInteger.ZERO,
        hex(
            "05c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be")),
    new Fp2(
        hex(
            "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c"),
        hex(
            "08ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f")),
    new Fp2(
        hex(
            "124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10"),
        BigInteger.ZERO)
  };

  /** k_(4,0..2) then the monic x'^3: y_den. */
  private static final Fp2[] G2_Y_DEN = {
    new Fp2(K40, K40),
    new Fp2(
        BigInteger.ZERO,
        hex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3")),
    new Fp2(
        BigInteger.valueOf(18),
        hex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99")),
    Fp2.ONE
  };

  /**
   * Maps {@code u} (below p) to a point of E1 = {y^2 = x^3 + 4}, not yet in G1.
   *
   * @return {x, y}, or null for the point at infinity
   */
  static BigInteger[] mapToG1Curve(BigInteger u) {
    // Simplified SWU onto E'.
    BigInteger u2 = mul(u, u);
    BigInteger zu2 = mul(G1_Z, u2);
    BigInteger tv1 = inv0(add(mul(zu2, zu2), zu2));
    BigInteger x1 =
        tv1.signum() == 0
            ? mul(G1_B, inv0(mul(G1_Z, G1_A)))
            : mul(mul(neg(G1_B), inv0(G1_A)), add(BigInteger.ONE, tv1));
    // is_square(gx1) is whether its candidate root squares back to it: one exponentiation.
    BigInteger gx1 = g1Curve(x1);
    BigInteger x = x1;
    BigInteger y = sqrt(gx1);
    if (!mul(y, y).equals(gx1)) {
      x = mul(zu2, x1);
      y = sqrt(g1Curve(x));
    }
    if (u.testBit(0) != y.testBit(0)) {
      y = neg(y);
    }
    // 11-isogeny onto E.
    BigInteger xDen = horner(G1_X_DEN, x);
    BigInteger yDen = horner(G1_Y_DEN, x);
    if (xDen.signum() == 0 || yDen.signum() == 0) {
      return null;
    }
    BigInteger mappedX = mul(horner(G1_X_NUM, x), inv0(xDen));
    BigInteger mappedY = mul(y, mul(horner(G1_Y_NUM, x), inv0(yDen)));
    return new BigInteger[] {mappedX, mappedY};
  }

  /**
   * Maps {@code u0 + u1 i} (both below p) to a point of E2 = {y^2 = x^3 + 4(1+i)}, not yet in G2.
   *
   * @return {x0, x1, y0, y1}, or null for the point at infinity
   */
  static BigInteger[] mapToG2Curve(BigInteger u0, BigInteger u1) {
    Fp2 u = new Fp2(u0, u1);
    Fp2 zu2 = G2_Z.mul(u.square());
    Fp2 tv1 = zu2.square().add(zu2).inv0();
    Fp2 x1 =
        tv1.isZero()
            ? G2_B.mul(G2_Z.mul(G2_A).inv0())
            : G2_B.neg().mul(G2_A.inv0()).mul(Fp2.ONE.add(tv1));
    Fp2 gx1 = g2Curve(x1);
    Fp2 x;
    Fp2 y = gx1.sqrt();
    if (y != null) {
      x = x1;
    } else {
      x = zu2.mul(x1);
      y = g2Curve(x).sqrt();
    }
    if (u.sgn0() != y.sgn0()) {
      y = y.neg();
    }
    Fp2 xDen = horner(G2_X_DEN, x);
    Fp2 yDen = horner(G2_Y_DEN, x);
    if (xDen.isZero() || yDen.isZero()) {
      return null;
    }
    Fp2 mappedX = horner(G2_X_NUM, x).mul(xDen.inv0());
    Fp2 mappedY = y.mul(horner(G2_Y_NUM, x)).mul(yDen.inv0());
    return new BigInteger[] {mappedX.c0, mappedX.c1, mappedY.c0, mappedY.c1};
  }

  private static BigInteger g1Curve(BigInteger x) {
    return add(mul(add(mul(x, x), G1_A), x), G1_B);
  }

  private static Fp2 g2Curve(Fp2 x) {
    return x.square().add(G2_A).mul(x).add(G2_B);
  }

  /** Evaluates a polynomial given by its coefficients, lowest degree first. */
  private static BigInteger horner(BigInteger[] coefficients, BigInteger x) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      acc = add(mul(acc, x), coefficients[i]);
    }
    return acc;
  }

  private static Fp2 horner(Fp2[] coefficients, Fp2 x) {
    Fp2 acc = Fp2.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      acc = acc.mul(x).add(coefficients[i]);
    }
    return acc;
  }

  static BigInteger add(BigInteger a, BigInteger b) {
    BigInteger sum = a.add(b);
    return sum.compareTo(P) >= 0 ? sum.subtract(P) : sum;
  }

  static BigInteger sub(BigInteger a, BigInteger b) {
    BigInteger difference = a.subtract(b);
    return difference.signum() < 0 ? difference.add(P) : difference;
  }

  static BigInteger mul(BigInteger a, BigInteger b) {
    return a.multiply(b).mod(P);
  }

  static BigInteger neg(BigInteger a) {
    return a.signum() == 0 ? a : P.subtract(a);
  }

  /** The inverse, or 0 for 0 (RFC 9380 {@code inv0}). */
  static BigInteger inv0(BigInteger a) {
    return a.signum() == 0 ? a : a.modInverse(P);
  }

  /**
   * A square root of {@code a} when it is a square (p = 3 mod 4); otherwise a value whose square is
   * not {@code a}, which callers check.
   */
  static BigInteger sqrt(BigInteger a) {
    return a.modPow(SQRT_EXPONENT, P);
  }

  private static BigInteger hex(String digits) {
    return new BigInteger(digits, 16);
  }

  private static BigInteger[] hexes(String... digits) {
    BigInteger[] out = new BigInteger[digits.length];
    for (int i = 0; i < digits.length; i++) {
      out[i] = hex(digits[i]);
    }
    return out;
  }

  /** An element c0 + c1 i of Fp2 = Fp[i]/(i^2 + 1); immutable. */
  record Fp2(BigInteger c0, BigInteger c1) {
    static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
    static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);

    boolean isZero() {
      return c0.signum() == 0 && c1.signum() == 0;
    }

    Fp2 add(Fp2 o) {
      return new Fp2(MapToCurve.add(c0, o.c0), MapToCurve.add(c1, o.c1));
    }

    Fp2 neg() {
      return new Fp2(MapToCurve.neg(c0), MapToCurve.neg(c1));
    }

    Fp2 mul(Fp2 o) {
      BigInteger real = c0.multiply(o.c0).subtract(c1.multiply(o.c1)).mod(P);
      BigInteger imaginary = c0.multiply(o.c1).add(c1.multiply(o.c0)).mod(P);
      return new Fp2(real, imaginary);
    }

    Fp2 square() {
      return mul(this);
    }

    Fp2 inv0() {
      BigInteger norm = MapToCurve.add(MapToCurve.mul(c0, c0), MapToCurve.mul(c1, c1));
      BigInteger inverse = MapToCurve.inv0(norm);
      return new Fp2(MapToCurve.mul(c0, inverse), MapToCurve.mul(MapToCurve.neg(c1), inverse));
    }

    /** RFC 9380 sgn0 for an extension of degree 2. */
    boolean sgn0() {
      boolean sign0 = c0.testBit(0);
      boolean zero0 = c0.signum() == 0;
      boolean sign1 = c1.testBit(0);
      return sign0 || (zero0 && sign1);
    }

    /**
     * A square root, or null when this is not a square. Which of the two roots comes back does not
     * matter: the caller fixes the sign with sgn0.
     */
    Fp2 sqrt() {
      if (c1.signum() == 0) {
        // -1 is not a square in Fp, so exactly one of c0 and -c0 is (or c0 is 0).
        BigInteger real = MapToCurve.sqrt(c0);
        return MapToCurve.mul(real, real).equals(c0)
            ? new Fp2(real, BigInteger.ZERO)
            : new Fp2(BigInteger.ZERO, MapToCurve.sqrt(MapToCurve.neg(c0)));
      }
      // A square of Fp2 has a square norm; candidate roots are checked by squaring them back.
      BigInteger norm = MapToCurve.add(MapToCurve.mul(c0, c0), MapToCurve.mul(c1, c1));
      BigInteger alpha = MapToCurve.sqrt(norm);
      if (!MapToCurve.mul(alpha, alpha).equals(norm)) {
        return null;
      }
      BigInteger delta = MapToCurve.mul(MapToCurve.add(c0, alpha), HALF);
      BigInteger x0 = MapToCurve.sqrt(delta);
      if (!MapToCurve.mul(x0, x0).equals(delta)) {
        delta = MapToCurve.mul(MapToCurve.sub(c0, alpha), HALF);
        x0 = MapToCurve.sqrt(delta);
      }
      BigInteger x1 = MapToCurve.mul(c1, MapToCurve.inv0(MapToCurve.mul(TWO, x0)));
      Fp2 root = new Fp2(x0, x1);
      return root.square().equals(this) ? root : null;
    }
  }
}
