/*
 * regforms expression runtime: the JavaScript twin of the JVM evaluator
 * (no.regforms.expression.eval). Code emitted by JavaScriptEmitter calls these functions; it never
 * evaluates definition text. Values:
 *   unknown   null
 *   number    Dec: an exact decimal (BigInt coefficient c, scale s; value c * 10^-s), so that
 *             arithmetic, comparisons and rounding match java.math.BigDecimal exactly
 *             (division and means: 34 significant digits, half-even, as MathContext.DECIMAL128)
 *   text/code string;  boolean  boolean;  codes  array of strings;  rows  array of row objects
 *   date      epoch day (number of days since 1970-01-01, an integer)
 *   yearmonth month index (year * 12 + month - 1, an integer)
 *   datetime  string 'yyyy-mm-ddThh:mm:ss.nnnnnnnnn'
 */
var RegformsExpr = (function () {
  'use strict';

  // ---- exact decimals ------------------------------------------------------------------------

  function Dec(c, s) {
    this.c = c;
    this.s = s;
  }

  var TEN = BigInt(10);
  var ZERO = BigInt(0);

  function pow10(n) {
    return TEN ** BigInt(n);
  }

  function n(text) {
    var m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(String(text).trim());
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
      return null;
    }
    var frac = m[3] || '';
    var c = BigInt((m[2] || '0') + frac);
    if (m[1] === '-') {
      c = -c;
    }
    var s = frac.length - (m[4] ? parseInt(m[4], 10) : 0);
    return new Dec(c, s);
  }

  function fromInt(i) {
    return new Dec(BigInt(i), 0);
  }

  function align(a, b) {
    if (a.s === b.s) {
      return [a.c, b.c, a.s];
    }
    if (a.s > b.s) {
      return [a.c, b.c * pow10(a.s - b.s), a.s];
    }
    return [a.c * pow10(b.s - a.s), b.c, b.s];
  }

  function decAdd(a, b) {
    var x = align(a, b);
    return new Dec(x[0] + x[1], x[2]);
  }

  function decSub(a, b) {
    var x = align(a, b);
    return new Dec(x[0] - x[1], x[2]);
  }

  function decMul(a, b) {
    return new Dec(a.c * b.c, a.s + b.s);
  }

  function decCmp(a, b) {
    var x = align(a, b);
    return x[0] < x[1] ? -1 : x[0] > x[1] ? 1 : 0;
  }

  function absBig(x) {
    return x < ZERO ? -x : x;
  }

  function digits(x) {
    return absBig(x).toString().length;
  }

  /** a / b rounded to 34 significant digits, half-even (MathContext.DECIMAL128); b is not 0. */
  function decDiv(a, b) {
    if (a.c === ZERO) {
      return new Dec(ZERO, 0);
    }
    var negative = (a.c < ZERO) !== (b.c < ZERO);
    // |a| / |b| = num / den, with num = |a.c| * 10^b.s and den = |b.c| * 10^a.s (as a rational)
    var num = absBig(a.c);
    var den = absBig(b.c);
    var shift = b.s - a.s; // the quotient is (num / den) * 10^shift
    // choose k so that q = floor(num * 10^k / den) has exactly 34 digits
    var k = 34 - (digits(num) - digits(den)) - 1;
    var q;
    var r;
    var d;
    for (;;) {
      var scaledNum = k >= 0 ? num * pow10(k) : num;
      var scaledDen = k >= 0 ? den : den * pow10(-k);
      q = scaledNum / scaledDen;
      r = scaledNum % scaledDen;
      d = scaledDen;
      var len = q.toString().length;
      if (q !== ZERO && len > 34) {
        k -= len - 34;
      } else if (len < 34) {
        k += 34 - len;
      } else {
        break;
      }
    }
    var twice = r * BigInt(2);
    if (twice > d || (twice === d && q % BigInt(2) !== ZERO)) {
      q += BigInt(1);
      if (q.toString().length > 34) {
        q /= TEN;
        k -= 1;
      }
    }
    var result = new Dec(negative ? -q : q, k - shift);
    return stripZeros(result);
  }

  function stripZeros(x) {
    var c = x.c;
    var s = x.s;
    if (c === ZERO) {
      return new Dec(ZERO, 0);
    }
    while (c % TEN === ZERO) {
      c /= TEN;
      s -= 1;
    }
    return new Dec(c, s);
  }

  /** x rounded to `places` decimals, half away from zero (RoundingMode.HALF_UP). */
  function decRound(x, places) {
    if (x.s <= places) {
      return new Dec(x.c * pow10(places - x.s), places);
    }
    var divisor = pow10(x.s - places);
    var q = x.c / divisor;
    var r = absBig(x.c % divisor);
    if (r * BigInt(2) >= divisor) {
      q += x.c < ZERO ? BigInt(-1) : BigInt(1);
    }
    return new Dec(q, places);
  }

  /** The value as a plain decimal string (BigDecimal.toPlainString of the stripped value). */
  function decText(x) {
    x = stripZeros(x);
    var negative = x.c < ZERO;
    var t = absBig(x.c).toString();
    if (x.s <= 0) {
      t = x.c === ZERO ? '0' : t + '0'.repeat(-x.s);
    } else {
      if (t.length <= x.s) {
        t = '0'.repeat(x.s - t.length + 1) + t;
      }
      t = t.slice(0, t.length - x.s) + '.' + t.slice(t.length - x.s);
    }
    return (negative ? '-' : '') + t;
  }

  /** The value as a whole number (a JS number) if it is one and fits a Java long, else null. */
  var LONG_MAX = BigInt('9223372036854775807');
  var LONG_MIN = BigInt('-9223372036854775808');

  function whole(x) {
    var y = stripZeros(x);
    var c = y.s <= 0 ? y.c * pow10(-y.s) : null;
    if (c === null || c > LONG_MAX || c < LONG_MIN) {
      return null;
    }
    return c;
  }

  // ---- calendar ------------------------------------------------------------------------------

  var MAX_YEAR = 999999999;

  function floorDiv(a, b) {
    return Math.floor(a / b);
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (as java.time.LocalDate.toEpochDay). */
  function epochDay(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = floorDiv(y, 400);
    var yoe = y - era * 400;
    var doy = floorDiv(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + d - 1;
    var doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function civil(days) {
    var z = days + 719468;
    var era = floorDiv(z, 146097);
    var doe = z - era * 146097;
    var yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
    var y = yoe + era * 400;
    var doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
    var mp = floorDiv(5 * doy + 2, 153);
    var d = doy - floorDiv(153 * mp + 2, 5) + 1;
    var m = mp + (mp < 10 ? 3 : -9);
    return { y: y + (m <= 2 ? 1 : 0), m: m, d: d };
  }

  function isLeap(y) {
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  }

  function monthLength(y, m) {
    return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].indexOf(m) >= 0 ? 30 : 31;
  }

  function pad(x, width) {
    var t = String(Math.abs(x));
    while (t.length < width) {
      t = '0' + t;
    }
    return (x < 0 ? '-' : '') + t;
  }

  function dateText(days) {
    var c = civil(days);
    return pad(c.y, 4) + '-' + pad(c.m, 2) + '-' + pad(c.d, 2);
  }

  function monthText(index) {
    return pad(floorDiv(index, 12), 4) + '-' + pad(index - floorDiv(index, 12) * 12 + 1, 2);
  }

  /** 'yyyy-mm-dd' to an epoch day, or null when it is no date. */
  function parseDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) {
      return null;
    }
    var y = +m[1];
    var mo = +m[2];
    var d = +m[3];
    if (mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) {
      return null;
    }
    return epochDay(y, mo, d);
  }

  function parseMonth(text) {
    var m = /^(\d{4})-(\d{2})$/.exec(text);
    if (!m || +m[2] < 1 || +m[2] > 12) {
      return null;
    }
    return +m[1] * 12 + +m[2] - 1;
  }

  /** 'yyyy-mm-ddThh:mm[:ss[.fff]]' to the canonical 'yyyy-mm-ddThh:mm:ss.nnnnnnnnn', or null. */
  function parseDateTime(text) {
    var m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(text);
    if (!m || parseDate(m[1]) === null || +m[2] > 23 || +m[3] > 59 || +(m[4] || 0) > 59) {
      return null;
    }
    return m[1] + 'T' + m[2] + ':' + m[3] + ':' + (m[4] || '00') + '.' + ((m[5] || '') + '000000000').slice(0, 9);
  }

  function dateTimeText(value) {
    var t = value.replace(/0+$/, '').replace(/\.$/, '');
    return /T\d\d:\d\d:00$/.test(t) ? t.slice(0, 16) : t;
  }

  /** The date of a DATE ('D') or DATETIME ('T') value, as an epoch day. */
  function toDay(value, kind) {
    return kind === 'T' ? parseDate(value.slice(0, 10)) : value;
  }

  var NANOS_PER_MINUTE = BigInt(60e9);
  var NANOS_PER_HOUR = BigInt(3600e9);
  var NANOS_PER_DAY = BigInt(86400e9);

  /** Nanoseconds since 1970-01-01T00:00 of a DATE (its midnight) or DATETIME value, as a BigInt. */
  function toNanos(value, kind) {
    if (kind !== 'T') {
      return BigInt(value) * NANOS_PER_DAY;
    }
    var time = value.slice(11);
    return BigInt(parseDate(value.slice(0, 10))) * NANOS_PER_DAY + BigInt(+time.slice(0, 2)) * NANOS_PER_HOUR
        + BigInt(+time.slice(3, 5)) * NANOS_PER_MINUTE + BigInt(time.slice(6, 8) + time.slice(9));
  }

  /** Whole units (nanoseconds each) from a to b, truncated toward zero (LocalDateTime.until). */
  function elapsed(a, ka, b, kb, unit) {
    return fromInt((toNanos(b, kb) - toNanos(a, ka)) / unit);
  }

  function toMonthIndex(value, kind) {
    if (kind === 'Y') {
      return value;
    }
    var c = civil(toDay(value, kind));
    return c.y * 12 + c.m - 1;
  }

  function dayInRange(days) {
    var y = civil(days).y;
    return y >= -MAX_YEAR && y <= MAX_YEAR;
  }

  /** Whole months from one date to another, truncated toward zero (LocalDate.until in MONTHS). */
  function monthsUntil(fromDay, toDay2) {
    var a = civil(fromDay);
    var b = civil(toDay2);
    var packed1 = (a.y * 12 + a.m - 1) * 32 + a.d;
    var packed2 = (b.y * 12 + b.m - 1) * 32 + b.d;
    return Math.trunc((packed2 - packed1) / 32);
  }

  function months(a, ka, b, kb) {
    if (ka === 'Y' || kb === 'Y') {
      return toMonthIndex(b, kb) - toMonthIndex(a, ka);
    }
    return monthsUntil(toDay(a, ka), toDay(b, kb));
  }

  function plusDays(value, amount, kind) {
    var w = whole(amount);
    if (w === null || w > BigInt(1e15) || w < BigInt(-1e15)) {
      return null;
    }
    var day = toDay(value, kind) + Number(w);
    if (!dayInRange(day)) {
      return null;
    }
    return kind === 'T' ? dateText(day) + value.slice(10) : day;
  }

  function plusMonths(value, amount, kind) {
    var w = whole(amount);
    if (w === null || w > BigInt(1e15) || w < BigInt(-1e15)) {
      return null;
    }
    var index = toMonthIndex(value, kind) + Number(w);
    var y = floorDiv(index, 12);
    if (y < -MAX_YEAR || y > MAX_YEAR) {
      return null;
    }
    if (kind === 'Y') {
      return index;
    }
    var m = index - y * 12 + 1;
    var c = civil(toDay(value, kind));
    var day = epochDay(y, m, Math.min(c.d, monthLength(y, m)));
    return kind === 'T' ? dateText(day) + value.slice(10) : day;
  }

  function make(parts) {
    var w = [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === null) {
        return null;
      }
      var x = whole(parts[i]);
      if (x === null || x > BigInt(2147483647) || x < BigInt(-2147483647)) {
        return null;
      }
      w.push(Number(x));
    }
    if (w[0] < -MAX_YEAR || w[0] > MAX_YEAR || w[1] < 1 || w[1] > 12) {
      return null;
    }
    if (w.length === 2) {
      return w[0] * 12 + w[1] - 1;
    }
    if (w[2] < 1 || w[2] > monthLength(w[0], w[1])) {
      return null;
    }
    return epochDay(w[0], w[1], w[2]);
  }

  // ---- equality and order --------------------------------------------------------------------

  function eqValues(a, b) {
    if (a instanceof Dec && b instanceof Dec) {
      return decCmp(a, b) === 0;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) {
        return false;
      }
      for (var i = 0; i < a.length; i++) {
        if (!eqValues(a[i], b[i])) {
          return false;
        }
      }
      return true;
    }
    return a === b;
  }

  function cmpValues(a, b) {
    if (a instanceof Dec && b instanceof Dec) {
      return decCmp(a, b);
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function strict(fn) {
    return function () {
      for (var i = 0; i < arguments.length; i++) {
        if (arguments[i] === null) {
          return null;
        }
      }
      return fn.apply(null, arguments);
    };
  }

  function extreme(values, sign) {
    var best = null;
    for (var i = 0; i < values.length; i++) {
      var v = values[i];
      if (v !== null && (best === null || Math.sign(cmpValues(v, best)) === sign)) {
        best = v;
      }
    }
    return best;
  }

  function total(values) {
    var t = new Dec(ZERO, 0);
    for (var i = 0; i < values.length; i++) {
      t = decAdd(t, values[i]);
    }
    return t;
  }

  function known(values) {
    return values.filter(function (v) {
      return v !== null;
    });
  }

  /** Evaluates body for each row; `decides` stops early (any/all), like the JVM's aggregates. */
  function overRows(rows, body, decides) {
    if (rows === null) {
      return { rows: null };
    }
    var values = [];
    for (var i = 0; i < rows.length; i++) {
      var v = body(rows[i]);
      if (decides !== undefined && v === decides) {
        return { decided: v };
      }
      values.push(v);
    }
    return { values: values };
  }

  // ---- coercion at the boundary ----------------------------------------------------------------

  function coerce(value, kind) {
    if (value === null || value === undefined) {
      return null;
    }
    switch (kind) {
      case 'N':
        return value instanceof Dec ? value : null;
      case 'S':
        return typeof value === 'string' ? value : null;
      case 'B':
        return typeof value === 'boolean' ? value : null;
      case 'D':
      case 'Y':
        return typeof value === 'number' && Number.isInteger(value) ? value : null;
      case 'T':
        return typeof value === 'string' ? value : null;
      case 'L':
        return Array.isArray(value) && value.every(function (x) { return typeof x === 'string'; }) ? value : null;
      case 'R':
        return Array.isArray(value) ? value : null;
      default:
        return null;
    }
  }

  // ---- regular expressions ---------------------------------------------------------------------

  var regexCache = new Map();

  /**
   * The RE2 pattern compiled by re2js (the global RE2JS, loaded before this runtime on pages that use
   * patterns), or null without it. re2js is RE2/J in JavaScript: the same matches as the server, in
   * linear time.
   */
  function re(pattern) {
    var cached = regexCache.get(pattern);
    if (cached === undefined) {
      cached = null;
      if (typeof RE2JS !== 'undefined') {
        try {
          cached = RE2JS.RE2JS.compile(pattern);
        } catch (e) {
          cached = null;
        }
      }
      regexCache.set(pattern, cached);
    }
    return cached;
  }

  function codePoints(text) {
    var count = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
        }
      }
      count++;
    }
    return count;
  }

  // ---- the functions emitted code calls ------------------------------------------------------

  var R = {
    Dec: Dec,
    n: n,
    fromInt: fromInt,
    decText: decText,
    decCmp: decCmp,
    stripZeros: stripZeros,
    parseDate: parseDate,
    parseMonth: parseMonth,
    parseDateTime: parseDateTime,
    dateText: dateText,
    monthText: monthText,
    dateTimeText: dateTimeText,
    epochDay: epochDay,
    coerce: coerce,
    eqValues: eqValues,
    codePoints: codePoints,
    re: re,

    /** Member `name` of a bound row, coerced to `kind`. */
    mem: function (row, name, kind) {
      return row !== null && typeof row === 'object' && !Array.isArray(row) ? coerce(row[name], kind) : null;
    },
    not: function (a) {
      return a === null ? null : !a;
    },
    neg: function (a) {
      return a === null ? null : new Dec(-a.c, a.s);
    },
    and: function (a, b) {
      if (a === false || b === false) {
        return false;
      }
      return a === null || b === null ? null : true;
    },
    or: function (a, b) {
      if (a === true || b === true) {
        return true;
      }
      return a === null || b === null ? null : false;
    },
    add: strict(decAdd),
    sub: strict(decSub),
    mul: strict(decMul),
    div: strict(function (a, b) {
      return b.c === ZERO ? null : decDiv(a, b);
    }),
    eq: strict(function (a, b) { return eqValues(a, b); }),
    ne: strict(function (a, b) { return !eqValues(a, b); }),
    lt: strict(function (a, b) { return cmpValues(a, b) < 0; }),
    le: strict(function (a, b) { return cmpValues(a, b) <= 0; }),
    gt: strict(function (a, b) { return cmpValues(a, b) > 0; }),
    ge: strict(function (a, b) { return cmpValues(a, b) >= 0; }),
    inList: function (value, items, negated) {
      if (value === null) {
        return null;
      }
      var sawUnknown = false;
      for (var i = 0; i < items.length; i++) {
        if (items[i] === null) {
          sawUnknown = true;
        } else if (eqValues(value, items[i])) {
          return !negated;
        }
      }
      return sawUnknown ? null : negated;
    },
    filled: function (a) {
      return a !== null;
    },
    empty: function (a) {
      return a === null;
    },
    coalesce: function () {
      for (var i = 0; i < arguments.length; i++) {
        if (arguments[i] !== null) {
          return arguments[i];
        }
      }
      return null;
    },
    year: function (a, kind) {
      return a === null ? null : fromInt(floorDiv(toMonthIndex(a, kind), 12));
    },
    month: function (a, kind) {
      if (a === null) {
        return null;
      }
      var index = toMonthIndex(a, kind);
      return fromInt(index - floorDiv(index, 12) * 12 + 1);
    },
    daysBetween: function (a, ka, b, kb) {
      if (a === null || b === null) {
        return null;
      }
      return ka === 'T' || kb === 'T' ? elapsed(a, ka, b, kb, NANOS_PER_DAY) : fromInt(toDay(b, kb) - toDay(a, ka));
    },
    hoursBetween: function (a, ka, b, kb) {
      return a === null || b === null ? null : elapsed(a, ka, b, kb, NANOS_PER_HOUR);
    },
    minutesBetween: function (a, ka, b, kb) {
      return a === null || b === null ? null : elapsed(a, ka, b, kb, NANOS_PER_MINUTE);
    },
    dateOf: function (a, kind) {
      return a === null ? null : toDay(a, kind);
    },
    monthsBetween: function (a, ka, b, kb) {
      return a === null || b === null ? null : fromInt(months(a, ka, b, kb));
    },
    yearsBetween: function (a, ka, b, kb) {
      return a === null || b === null ? null : fromInt(Math.trunc(months(a, ka, b, kb) / 12));
    },
    addDays: function (a, amount, kind) {
      return a === null || amount === null ? null : plusDays(a, amount, kind);
    },
    addMonths: function (a, amount, kind) {
      return a === null || amount === null ? null : plusMonths(a, amount, kind);
    },
    make: function () {
      return make(Array.prototype.slice.call(arguments));
    },
    round: function (x, places) {
      if (x === null || places === null) {
        return null;
      }
      var p = places === undefined ? BigInt(0) : whole(places);
      if (p === null || p > BigInt(100) || p < BigInt(-100)) {
        return null;
      }
      return decRound(x, Number(p));
    },
    abs: function (x) {
      return x === null ? null : new Dec(absBig(x.c), x.s);
    },
    min: function () {
      var values = Array.prototype.slice.call(arguments);
      return values.indexOf(null) >= 0 ? null : extreme(values, -1);
    },
    max: function () {
      var values = Array.prototype.slice.call(arguments);
      return values.indexOf(null) >= 0 ? null : extreme(values, 1);
    },
    sum: function () {
      var values = Array.prototype.slice.call(arguments);
      return values.indexOf(null) >= 0 ? null : total(values);
    },
    mean: function () {
      var values = Array.prototype.slice.call(arguments);
      return values.indexOf(null) >= 0 ? null : decDiv(total(values), fromInt(values.length));
    },
    count: function (list) {
      return list === null ? null : fromInt(list.length);
    },
    countFilled: function () {
      var filled = 0;
      for (var i = 0; i < arguments.length; i++) {
        if (arguments[i] !== null) {
          filled++;
        }
      }
      return fromInt(filled);
    },
    /** matches(text, pattern), the whole text as RE2/J's Pattern.matches; `regex` null (no engine): unknown. */
    matches: function (text, regex) {
      return text === null || regex === null ? null : regex.matches(text);
    },
    containsCode: function (codes, code) {
      return codes === null || code === null ? null : codes.indexOf(code) >= 0;
    },
    containsText: function (text, part) {
      return text === null || part === null ? null : text.indexOf(part) >= 0;
    },
    score: function (code, scores) {
      return code === null || !Object.prototype.hasOwnProperty.call(scores, code) ? null : scores[code];
    },
    length: function (text) {
      return text === null ? null : fromInt(codePoints(text));
    },
    anyRows: function (rows, body) {
      var r = overRows(rows, body, true);
      if (r.rows === null) return null;
      if (r.decided !== undefined) return true;
      return r.values.indexOf(null) >= 0 ? null : false;
    },
    allRows: function (rows, body) {
      var r = overRows(rows, body, false);
      if (r.rows === null) return null;
      if (r.decided !== undefined) return false;
      return r.values.indexOf(null) >= 0 ? null : true;
    },
    countRows: function (rows, body) {
      var r = overRows(rows, body);
      return r.rows === null ? null : fromInt(r.values.filter(function (v) { return v === true; }).length);
    },
    sumRows: function (rows, body) {
      var r = overRows(rows, body);
      return r.rows === null ? null : total(known(r.values));
    },
    meanRows: function (rows, body) {
      var r = overRows(rows, body);
      if (r.rows === null) return null;
      var k = known(r.values);
      return k.length === 0 ? null : decDiv(total(k), fromInt(k.length));
    },
    minRows: function (rows, body) {
      var r = overRows(rows, body);
      return r.rows === null ? null : extreme(r.values, -1);
    },
    maxRows: function (rows, body) {
      var r = overRows(rows, body);
      return r.rows === null ? null : extreme(r.values, 1);
    }
  };
  return R;
})();
