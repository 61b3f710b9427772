package no.regforms.expression.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The short-quotient path of {@link Division} gives what the JDK's {@code divide(b, DECIMAL128)}
 * gives: the same digits and the same scale ({@code equals}, not only {@code compareTo}).
 */
class DivisionPropertyTest {

  @Property(tries = 5000)
  void divide_anyOperands_equalsDecimal128Division(
      @ForAll("decimals") BigDecimal a, @ForAll("divisors") BigDecimal b) {
    assertThat(Division.divide(a, b)).isEqualTo(a.divide(b, MathContext.DECIMAL128));
  }

  @Example
  void divide_scoreOverEighty_isExactWithTheJdksScale() {
    assertThat(Division.divide(new BigDecimal("37"), new BigDecimal("80")))
        .isEqualTo(new BigDecimal("0.4625"));
    assertThat(Division.divide(new BigDecimal("1.000"), new BigDecimal("2")))
        .isEqualTo(new BigDecimal("0.500"));
    assertThat(Division.divide(new BigDecimal("100"), new BigDecimal("0.5")))
        .isEqualTo(new BigDecimal("2.0E+2"));
  }

  @Example
  void divide_nonTerminatingOrHugeOperands_roundsTo34Digits() {
    assertThat(Division.divide(BigDecimal.ONE, new BigDecimal("3")))
        .isEqualTo(new BigDecimal("0.3333333333333333333333333333333333"));
    BigDecimal huge = new BigDecimal("123456789012345678901234567890");
    assertThat(Division.divide(huge, new BigDecimal("7")))
        .isEqualTo(huge.divide(new BigDecimal("7"), MathContext.DECIMAL128));
  }

  /** Operands as records hold them: small and large unscaled values, scales either side of 0. */
  @Provide
  Arbitrary<BigDecimal> decimals() {
    Arbitrary<BigInteger> unscaled =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-1000, 1000).map(BigInteger::valueOf),
            Arbitraries.longs().map(BigInteger::valueOf),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(17).negate(), BigInteger.TEN.pow(19)),
            Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(40)));
    return Combinators.combine(unscaled, Arbitraries.integers().between(-6, 12))
        .as(BigDecimal::new);
  }

  @Provide
  Arbitrary<BigDecimal> divisors() {
    Arbitrary<BigDecimal> scoreLike =
        Arbitraries.of(1, 2, 3, 4, 5, 7, 8, 10, 12, 16, 20, 25, 40, 60, 80, 100, 125, 1024, -8)
            .map(BigDecimal::valueOf);
    return Arbitraries.oneOf(scoreLike, decimals()).filter(b -> b.signum() != 0);
  }
}
