/*
 * regforms form runtime: live skip logic, computed values and checks in a generated form, the
 * JavaScript twin of the server validator (no.regforms.validation.RecordCheck). It reads the model
 * the renderer writes (JSON) and the form's expressions compiled by JavaScriptEmitter; it never
 * evaluates text from the definition. Messages come from the model, i.e. from the validator.
 *
 * Public face, per form: RegformsForm.forms[formId] and window.regforms (the last form booted):
 *   record() the record as an object; recordJson() the same as exact JSON text;
 *   issues() every issue the form has now [{path, code, severity, message}];
 *   shownIssues() the issues on screen; computed() computed values by record path, as text;
 *   evaluated() the items re-decided after the last input (the dependency cascade);
 *   submit() tries to submit (true when the record went out);
 *   setLinked(link, values) takes the values of the record linked as `link` (null forgets them).
 * On submit the form element raises the event "regforms:submit" with detail {record, json}, and
 * posts the JSON to the model's submitUrl when there is one. Issues the server answers as JSON
 * ({"issues": [{code, severity, path, message}]}, Diagnostics.toJson: 400 when the record has
 * errors) are shown beside the fields with the page's own, until their field changes or the form is
 * submitted again; they are not part of issues().
 */
var RegformsForm = (function () {
  'use strict';
  var R = RegformsExpr;
  var forms = {};

  function todayEpochDay() {
    var now = new Date();
    return R.epochDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  // ---- one scope: the form's top level or one repeat-group row --------------------------------

  function Scope(form, def, outer, element, index) {
    this.form = form;
    this.def = def;
    this.outer = outer;
    this.element = element; // the form, or the row's <li>
    this.index = index; // 1-based row number, for paths
    this.values = {};
    this.missing = {};
    this.visible = {};
    this.fieldIssues = {};
    this.raw = {};
    this.rows = {};
    this.nodes = {};
    var self = this;
    element.querySelectorAll('[data-item]').forEach(function (node) {
      var row = node.parentElement.closest('.rf-row');
      if ((outer === null && row === null) || (outer !== null && row === element)) {
        self.nodes[node.getAttribute('data-item')] = node;
      }
    });
  }

  Scope.prototype.path = function () {
    if (this.outer === null) {
      return '';
    }
    var outerPath = this.outer.path();
    return (outerPath === '' ? '' : outerPath + '.') + this.def.repeat + '[' + this.index + ']';
  };

  Scope.prototype.member = function (id) {
    var p = this.path();
    return p === '' ? id : p + '.' + id;
  };

  // The evaluation context the compiled expressions read (c.v, c.m, c.today).
  Scope.prototype.v = function (name, kind) {
    if (Object.prototype.hasOwnProperty.call(this.values, name)) {
      return R.coerce(this.values[name], kind);
    }
    return this.outer === null ? this.form.linkedValue(name, kind) : this.outer.v(name, kind);
  };

  Scope.prototype.m = function (name) {
    return this.missing[name] === true || (this.outer !== null && this.outer.m(name));
  };

  Scope.prototype.today = function () {
    return this.form.today;
  };

  Scope.prototype.run = function (index) {
    return this.form.fns[index](this);
  };

  // ---- reading inputs --------------------------------------------------------------------------

  function inputs(node) {
    return Array.prototype.slice.call(node.querySelectorAll('.rf-input'));
  }

  /** The raw value of a variable: {missing: reason}, {json, typed} or null when not filled in. */
  function readRaw(node, def) {
    var missing = node.querySelector('.rf-missing:checked');
    if (missing) {
      return { missing: missing.value };
    }
    var els = inputs(node);
    var control = node.getAttribute('data-control');
    if (control === 'checkbox') {
      var codes = els.filter(function (e) { return e.checked; }).map(function (e) { return e.value; });
      return codes.length === 0 ? null : { json: codes, typed: codes };
    }
    if (control === 'radio') {
      var checked = els.filter(function (e) { return e.checked; })[0];
      if (!checked) {
        return null;
      }
      if (def.type === 'boolean') {
        return { json: checked.value === 'true', typed: checked.value === 'true' };
      }
      return { json: checked.value, typed: checked.value };
    }
    if (els.length === 0) {
      return null;
    }
    var text = els[0].value;
    if (text === '') {
      return null;
    }
    if (def.type === 'integer' || def.type === 'decimal') {
      var number = R.n(text);
      return number === null ? null : { json: { number: R.decText(number) }, typed: number };
    }
    return { json: text, typed: text };
  }

  /** The typed value of a raw value, or the issue that keeps it from being one (ValueReader). */
  function readValue(def, raw) {
    switch (def.type) {
      case 'integer':
        return R.stripZeros(raw.typed).s <= 0 ? { value: raw.typed } : { code: 'invalid_type', message: def.messages.type };
      case 'date': {
        var d = /^\d{4}-\d{2}-\d{2}$/.test(raw.typed) ? R.parseDate(raw.typed) : null;
        return d === null ? { code: 'invalid_format', message: def.messages.format } : { value: d };
      }
      case 'yearmonth': {
        var m = R.parseMonth(raw.typed);
        return m === null ? { code: 'invalid_format', message: def.messages.format } : { value: m };
      }
      case 'datetime': {
        var t = R.parseDateTime(raw.typed);
        return t === null ? { code: 'invalid_format', message: def.messages.format } : { value: t };
      }
      default:
        return { value: raw.typed };
    }
  }

  function bound(form, value, kind) {
    if (value === 'today') {
      return kind === 'yearmonth' ? R.coerce(monthOf(form.today), 'Y') : form.today;
    }
    return typeof value === 'string' ? R.n(value) : value;
  }

  function monthOf(day) {
    var t = R.dateText(day);
    return R.parseMonth(t.slice(0, 7));
  }

  function outside(form, value, range, kind) {
    var cmp = function (a, b) {
      return a instanceof R.Dec ? R.decCmp(a, b) : a < b ? -1 : a > b ? 1 : 0;
    };
    var min = range.min === undefined ? null : bound(form, range.min, kind);
    var max = range.max === undefined ? null : bound(form, range.max, kind);
    return (min !== null && cmp(value, min) < 0) || (max !== null && cmp(value, max) > 0);
  }

  function issue(severity, code, message, path) {
    return { severity: severity, code: code, message: message, path: path };
  }

  /** A computed value against its range (error) and plausible range (warning): RecordCheck's checkComputedRange. */
  function checkComputed(form, def, value, path) {
    var out = [];
    if (def.range && (value instanceof R.Dec || def.type === 'date' || def.type === 'yearmonth')
        && outside(form, value, def.range, def.type)) {
      out.push(issue('error', 'out_of_range', def.messages.range, path));
    } else if (def.plausibleRange && value instanceof R.Dec && outside(form, value, def.plausibleRange, def.type)) {
      out.push(issue('warning', 'implausible', def.messages.plausibleRange, path));
    }
    return out;
  }

  /** The issues of a typed value (RecordCheck.checkValue). */
  function checkValue(form, def, value, path) {
    var out = [];
    if (value instanceof R.Dec) {
      if (def.range && outside(form, value, def.range, def.type)) {
        out.push(issue('error', 'out_of_range', def.messages.range, path));
        return out;
      }
      if (def.decimals !== undefined && R.stripZeros(value).s > def.decimals) {
        out.push(issue('error', 'too_many_decimals', def.messages.decimals, path));
      }
      if (def.step !== undefined) {
        var diff = subtract(value, R.n(def.stepBase));
        if (!multipleOf(diff, R.n(def.step))) {
          out.push(issue('error', 'step', def.messages.step, path));
        }
      }
      if (def.plausibleRange && outside(form, value, def.plausibleRange, def.type)) {
        out.push(issue('warning', 'implausible', def.messages.plausibleRange, path));
      }
    } else if (def.type === 'date' || def.type === 'yearmonth') {
      if (def.range && outside(form, value, def.range, def.type)) {
        out.push(issue('error', 'out_of_range', def.messages.range, path));
      }
    } else if (def.type === 'text') {
      if (def.maxLength !== undefined && R.codePoints(value) > def.maxLength) {
        out.push(issue('error', 'too_long', def.messages.maxLength, path));
      }
      if (def.pattern !== undefined) {
        if (R.matches(value, R.re(def.pattern)) === false) {
          out.push(issue('error', 'pattern_mismatch', def.messages.pattern, path));
        }
      }
    } else if (def.type === 'code') {
      checkCode(form, def, value, path, out);
    } else if (def.type === 'codes') {
      value.forEach(function (code, i) {
        checkCode(form, def, code, path + '[' + (i + 1) + ']', out);
      });
      if (def.minChoices !== undefined && value.length < def.minChoices) {
        out.push(issue('error', 'too_few_choices', def.messages.minChoices, path));
      }
      if (def.maxChoices !== undefined && value.length > def.maxChoices) {
        out.push(issue('error', 'too_many_choices', def.messages.maxChoices, path));
      }
    }
    return out;
  }

  function subtract(a, b) {
    return R.add(a, R.neg(b));
  }

  function multipleOf(x, step) {
    var s = Math.max(x.s, step.s);
    var ten = BigInt(10);
    var xc = x.c * ten ** BigInt(s - x.s);
    var sc = step.c * ten ** BigInt(s - step.s);
    return xc % sc === BigInt(0);
  }

  function checkCode(form, def, code, path, out) {
    var validity = form.model.codeValidity[def.codeList];
    var span = validity ? validity[code] : undefined;
    if (span && form.recordDate !== null) {
      if ((span[0] !== null && form.recordDate < span[0]) || (span[1] !== null && form.recordDate > span[1])) {
        out.push(issue('error', 'code_not_valid', def.messages.codeNotValid, path));
      }
    }
  }

  // ---- deciding values and visibility (the walk of RecordCheck) -------------------------------

  Scope.prototype.isShown = function (id) {
    var item = this.def.items[id];
    var parentShown = item.parent === null || this.visible[item.parent] === true;
    return parentShown && (item.visibleIf === undefined || this.run(item.visibleIf) === true);
  };

  /** Re-decides the visibility and value of one item; clears what becomes hidden. */
  Scope.prototype.evaluate = function (id) {
    this.form.evaluated.push(this.member(id));
    var item = this.def.items[id];
    var shown = this.isShown(id);
    var node = this.nodes[id];
    if (shown) {
      this.visible[id] = true;
    } else {
      delete this.visible[id];
    }
    if (node && node.hidden === shown) {
      node.hidden = !shown;
      if (!shown) {
        clearInputs(node);
      }
    }
    if (item.kind === 'variable') {
      this.decide(id, shown);
    } else if (item.kind === 'repeat') {
      this.decideRows(id, shown);
    }
  };

  Scope.prototype.decide = function (id, shown) {
    var def = this.def.variables[id];
    var path = this.member(id);
    var node = this.nodes[id];
    delete this.values[id];
    delete this.missing[id];
    this.fieldIssues[id] = [];
    if (def.compute !== undefined) {
      var output = node ? node.querySelector('output') : null;
      var value = shown ? this.run(def.compute) : null;
      if (value !== null) {
        this.values[id] = value;
        this.fieldIssues[id] = checkComputed(this.form, def, value, path);
      }
      if (output) {
        assign(output, 'textContent', display(this.form, def, value));
      }
      return;
    }
    var raw = node && shown ? readRaw(node, def) : null;
    this.raw[id] = raw;
    if (raw === null) {
      return;
    }
    if (raw.missing !== undefined) {
      this.missing[id] = true;
      return;
    }
    var read = readValue(def, raw);
    if (read.code !== undefined) {
      this.fieldIssues[id] = [issue('error', read.code, read.message, path)];
      this.missing[id] = true;
      return;
    }
    var found = checkValue(this.form, def, read.value, path);
    this.fieldIssues[id] = found;
    if (found.some(function (i) { return i.severity === 'error'; })) {
      this.missing[id] = true;
    } else {
      this.values[id] = read.value;
    }
  };

  Scope.prototype.decideRows = function (id, shown) {
    var rows = this.rows[id] || [];
    var node = this.nodes[id];
    if (!shown) {
      rows.forEach(function (row) { row.element.remove(); });
      this.rows[id] = [];
      delete this.values[id];
      return;
    }
    this.rows[id] = rows;
    if (node) {
      // A group that appears starts with its fewest rows.
      while (rows.length < this.def.repeats[id].min) {
        rows.push(this.form.newRow(this, id, node, false));
      }
    }
    rows.forEach(function (row) { row.walk(); });
    this.collectRows(id);
  };

  Scope.prototype.collectRows = function (id) {
    var rows = this.rows[id] || [];
    this.values[id] = rows.map(function (row) {
      var copy = {};
      for (var k in row.values) {
        if (Array.isArray(row.values[k]) && row.def.repeats[k]) {
          continue;
        }
        copy[k] = row.values[k];
      }
      return copy;
    });
  };

  Scope.prototype.walk = function () {
    var self = this;
    this.def.order.forEach(function (id) { self.evaluate(id); });
  };

  /** After a change of `id`: re-decides it, then only what depends on it (the DAG's cascade). */
  Scope.prototype.changed = function (id) {
    var self = this;
    if (this.def.items[id].kind === 'variable') {
      this.decide(id, this.visible[id] === true);
    } else {
      this.collectRows(id);
    }
    affected(this.def, id).forEach(function (dependent) { self.evaluate(dependent); });
    if (this.outer !== null) {
      this.outer.changed(this.def.repeat);
    }
  };

  /**
   * Every item of a scope that depends on `id`, directly or not, in evaluation order (the Java
   * DependencyGraph.affectedBy): worked out from the direct readers once per item, then kept.
   */
  function affected(def, id) {
    var known = def.cascades || (def.cascades = {});
    if (known[id] === undefined) {
      var reached = {};
      var work = [id];
      while (work.length > 0) {
        (def.readers[work.pop()] || []).forEach(function (reader) {
          if (reached[reader] !== true) {
            reached[reader] = true;
            work.push(reader);
          }
        });
      }
      known[id] = def.order.filter(function (item) { return reached[item] === true; });
    }
    return known[id];
  }

  function clearInputs(node) {
    node.querySelectorAll('input, select, textarea').forEach(function (el) {
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = false;
      } else {
        el.value = '';
      }
      el.disabled = false;
    });
  }

  function display(form, def, value) {
    if (value === null) {
      return '';
    }
    if (value instanceof R.Dec) {
      return R.decText(value);
    }
    switch (def.type) {
      case 'date':
        return R.dateText(value);
      case 'yearmonth':
        return R.monthText(value);
      case 'datetime':
        return R.dateTimeText(value);
      case 'boolean':
        return value ? form.model.ui.yes : form.model.ui.no;
      case 'codes':
        return value.join(', ');
      default:
        return String(value);
    }
  }

  // ---- issues ----------------------------------------------------------------------------------

  Scope.prototype.collectIssues = function (out) {
    var self = this;
    Object.keys(this.def.items).forEach(function (id) {
      var item = self.def.items[id];
      if (self.visible[id] !== true) {
        return;
      }
      if (item.kind === 'variable') {
        var def = self.def.variables[id];
        (self.fieldIssues[id] || []).forEach(function (i) { out.push(i); });
        if (def.compute === undefined && !Object.prototype.hasOwnProperty.call(self.values, id) && self.missing[id] !== true) {
          var required = def.required || (def.requiredIf !== undefined && self.run(def.requiredIf) === true);
          if (required) {
            out.push(issue('error', 'required', def.messages.required, self.member(id)));
          }
        }
      } else if (item.kind === 'repeat') {
        var rep = self.def.repeats[id];
        var rows = self.rows[id] || [];
        if (rows.length < rep.min) {
          out.push(issue('error', 'too_few_rows', rep.messages.min, self.member(id)));
        }
        if (rep.max !== undefined && rows.length > rep.max) {
          out.push(issue('error', 'too_many_rows', rep.messages.max, self.member(id)));
        }
        rows.forEach(function (row) { row.collectIssues(out); });
      }
    });
  };

  // ---- one form --------------------------------------------------------------------------------

  function Form(element, model, fns) {
    this.element = element;
    this.model = model;
    this.fns = fns;
    this.today = todayEpochDay();
    this.recordDate = null;
    this.touched = {};
    this.confirmed = {};
    this.submitted = false;
    this.serverIssues = []; // the server's answer to the last submit, shown beside the fields
    this.showing = new Set(); // the items whose message box shows issues
    this.rowCounter = 0;
    this.evaluated = []; // items re-decided since the last input, for tests of the cascade
    this.top = new Scope(this, model.scope, null, element, 0);
    this.linked = {}; // the linked records' values the host gave, by link id (setLinked)
  }

  /**
   * A link read such as `course.course_end`: the value the host gave for the linked record, typed
   * as the expression reads it; unknown (null) when not given, as on the server without a resolver.
   */
  Form.prototype.linkedValue = function (name, kind) {
    var dot = name.indexOf('.');
    var values = dot < 0 ? undefined : this.linked[name.slice(0, dot)];
    if (values === undefined) {
      return null;
    }
    var raw = values[name.slice(dot + 1)];
    if (raw === null || raw === undefined || (typeof raw === 'object' && !Array.isArray(raw))) {
      return null; // absent, or a missing-value reason
    }
    switch (kind) {
      case 'N':
        return typeof raw === 'number' || typeof raw === 'string' ? R.n(String(raw)) : null;
      case 'D':
        return typeof raw === 'string' ? R.parseDate(raw) : null;
      case 'Y':
        return typeof raw === 'string' ? R.parseMonth(raw) : null;
      case 'T':
        return typeof raw === 'string' ? R.parseDateTime(raw) : null;
      default:
        return R.coerce(raw, kind);
    }
  };

  /** Takes the values of the record linked as `link` (its "values" as JSON), and re-decides all. */
  Form.prototype.setLinked = function (link, values) {
    if (values === null || values === undefined) {
      delete this.linked[link];
    } else {
      this.linked[link] = values;
    }
    this.top.walk();
    this.refresh();
  };

  Form.prototype.readRecordDate = function () {
    this.recordDate = null;
    var id = this.model.dateVariable;
    var node = id ? this.top.nodes[id] : null;
    var type = node ? this.model.scope.variables[id].type : null;
    if (type === 'date' || type === 'datetime') {
      var raw = readRaw(node, this.model.scope.variables[id]);
      // a date-time dates the record by its date
      var text = raw !== null && raw.typed !== undefined ? raw.typed.slice(0, 10) : '';
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        this.recordDate = R.parseDate(text);
      }
    }
  };

  Form.prototype.newRow = function (scope, repeatId, node, focus) {
    var list = node.querySelector('.rf-rows');
    var template = node.querySelector('template.rf-row-template');
    var number = ++this.rowCounter;
    var li = document.createElement('li');
    li.className = 'rf-row';
    var head = document.createElement('div');
    head.className = 'rf-row-head';
    var title = document.createElement('p');
    title.className = 'rf-row-title';
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'rf-remove';
    remove.textContent = this.model.ui.remove;
    head.appendChild(title);
    head.appendChild(remove);
    li.appendChild(head);
    var content = template.content.cloneNode(true);
    content.querySelectorAll('[id], [for], [name], [aria-describedby]').forEach(function (el) {
      ['id', 'for', 'name', 'aria-describedby'].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v !== null) {
          el.setAttribute(attr, v.split('__ROW__').join(String(number)));
        }
      });
    });
    li.appendChild(content);
    list.appendChild(li);
    var rows = scope.rows[repeatId] || (scope.rows[repeatId] = []);
    var row = new Scope(this, scope.def.repeats[repeatId].scope, scope, li, rows.length + 1);
    row.title = title;
    row.removeButton = remove;
    var self = this;
    remove.addEventListener('click', function () {
      self.removeRow(scope, repeatId, row);
    });
    if (focus) {
      var first = li.querySelector('.rf-input');
      if (first) {
        setTimeout(function () { first.focus(); }, 0);
      }
    }
    return row;
  };

  Form.prototype.addRow = function (scope, repeatId) {
    var rep = scope.def.repeats[repeatId];
    var rows = scope.rows[repeatId] || (scope.rows[repeatId] = []);
    if (rep.max !== undefined && rows.length >= rep.max) {
      return;
    }
    var row = this.newRow(scope, repeatId, scope.nodes[repeatId], true);
    rows.push(row);
    row.walk();
    scope.changed(repeatId);
    this.refresh();
  };

  Form.prototype.removeRow = function (scope, repeatId, row) {
    var rows = scope.rows[repeatId];
    if (rows.length <= scope.def.repeats[repeatId].min) {
      return;
    }
    rows.splice(rows.indexOf(row), 1);
    row.element.remove();
    rows.forEach(function (r, i) { r.index = i + 1; });
    scope.changed(repeatId);
    this.refresh();
  };

  /** The scope and variable id an input event belongs to. */
  Form.prototype.locate = function (target) {
    var node = target.closest('[data-var]');
    if (!node) {
      return null;
    }
    var rowElement = node.parentElement.closest('.rf-row');
    var scope = rowElement === null ? this.top : this.findRow(this.top, rowElement);
    return scope === null ? null : { scope: scope, id: node.getAttribute('data-var'), node: node };
  };

  Form.prototype.findRow = function (scope, element) {
    for (var id in scope.rows) {
      var rows = scope.rows[id];
      for (var i = 0; i < rows.length; i++) {
        if (rows[i].element === element) {
          return rows[i];
        }
        var inner = this.findRow(rows[i], element);
        if (inner !== null) {
          return inner;
        }
      }
    }
    return null;
  };

  Form.prototype.onInput = function (event, commit) {
    var target = event.target;
    if (target.classList.contains('rf-confirm')) {
      this.confirmed[target.getAttribute('data-path')] = target.checked;
      this.refresh();
      return;
    }
    var at = this.locate(target);
    if (at === null) {
      return;
    }
    if (target.classList.contains('rf-missing')) {
      var node = at.node;
      node.querySelectorAll('.rf-missing').forEach(function (other) {
        if (other !== target) {
          other.checked = false;
        }
      });
      var anyMissing = node.querySelector('.rf-missing:checked') !== null;
      inputs(node).forEach(function (el) {
        if (anyMissing) {
          if (el.type === 'checkbox' || el.type === 'radio') {
            el.checked = false;
          } else {
            el.value = '';
          }
        }
        el.disabled = anyMissing;
      });
    }
    var path = at.scope.member(at.id);
    delete this.confirmed[path];
    this.serverIssues = this.serverIssues.filter(function (i) { return i.path !== path; });
    if (commit) {
      this.touched[path] = true;
    }
    this.evaluated = [];
    if (at.scope === this.top && at.id === this.model.dateVariable) {
      this.readRecordDate();
      this.top.walk();
    } else {
      at.scope.changed(at.id);
    }
    this.refresh();
  };

  Form.prototype.issues = function () {
    var out = [];
    this.top.collectIssues(out);
    var top = this.top;
    this.model.rules.forEach(function (rule) {
      if (rule.when !== undefined && top.run(rule.when) !== true) {
        return;
      }
      if (top.run(rule.check) !== false) {
        return;
      }
      var paths = rule.variables.length === 0 ? [''] : rule.variables;
      paths.forEach(function (v) {
        var found = issue(rule.severity, 'rule_failed', rule.message, v);
        if (rule.confirm === true) {
          found.confirm = true;
        }
        out.push(found);
      });
    });
    // An inclusion criterion, as the server checks it: only a false check excludes, never an unknown one.
    this.model.inclusion.forEach(function (criterion) {
      if (top.run(criterion.check) === false) {
        out.push(issue('error', 'not_included', criterion.message, ''));
      }
    });
    return out;
  };

  /** The element (variable or repeat group) an issue path belongs to, or null. */
  Form.prototype.nodeFor = function (path) {
    var scope = this.top;
    var parts = path.split('.');
    for (var i = 0; i < parts.length; i++) {
      var m = /^([a-z][a-z0-9_]*)(?:\[(\d+)\])?$/.exec(parts[i]);
      if (!m) {
        return null;
      }
      if (i === parts.length - 1) {
        return scope.nodes[m[1]] || null;
      }
      scope = m[2] === undefined ? undefined : (scope.rows[m[1]] || [])[+m[2] - 1];
      if (!scope) {
        return null;
      }
    }
    return null;
  };

  /** Value checks and rules show at once; a missing required value waits for a touch or submit. */
  Form.prototype.isShown = function (issue) {
    return this.submitted || issue.code !== 'required' || this.touched[issue.path] === true;
  };

  Form.prototype.shownIssues = function () {
    var self = this;
    return this.issues().filter(function (i) { return self.isShown(i); });
  };

  /** Puts the issues on screen. */
  Form.prototype.refresh = function () {
    var self = this;
    var own = this.issues();
    var ownKeys = {};
    own.forEach(function (i) { ownKeys[i.path + '|' + i.code + '|' + i.message] = true; });
    // the server's issues, less those the page shows itself (a confirmed unusual value, say)
    var issues = own.concat(this.serverIssues.filter(function (i) { return !ownKeys[i.path + '|' + i.code + '|' + i.message]; }));
    var byNode = new Map();
    var summary = [];
    issues.forEach(function (i) {
      if (!self.isShown(i)) {
        return;
      }
      var node = self.nodeFor(i.path);
      if (node && parts(node).box) {
        if (!byNode.has(node)) {
          byNode.set(node, []);
        }
        byNode.get(node).push(i);
      } else {
        summary.push(i);
      }
    });
    // Only the boxes that show something now or did after the last refresh can change: walking
    // every box of the form on each key press cost more than the rest of the key's script.
    this.showing.forEach(function (node) {
      if (!byNode.has(node)) {
        byNode.set(node, []);
      }
    });
    this.showing = new Set();
    byNode.forEach(function (list, node) {
      if (list.length > 0) {
        self.showing.add(node);
      }
      var box = parts(node).box;
      var signature = list.map(function (i) { return i.severity + i.code + i.message + i.path + (self.confirmed[i.path] ? 1 : 0); }).join('|');
      if (box.getAttribute('data-shown') !== signature) {
        box.setAttribute('data-shown', signature);
        box.textContent = '';
        list.forEach(function (i) {
          var p = document.createElement('p');
          p.className = i.severity === 'error' ? 'rf-error' : 'rf-warning';
          p.textContent = i.message;
          box.appendChild(p);
          if (needsConfirmation(i)) {
            var label = document.createElement('label');
            label.className = 'rf-choice';
            var box2 = document.createElement('input');
            box2.type = 'checkbox';
            box2.className = 'rf-confirm';
            box2.setAttribute('data-path', i.path);
            box2.checked = self.confirmed[i.path] === true;
            label.appendChild(box2);
            label.appendChild(document.createTextNode(' ' + self.model.ui.confirm));
            box.appendChild(label);
          }
        });
      }
      var invalid = list.some(function (i) { return i.severity === 'error'; });
      parts(node).inputs.forEach(function (el) {
        if ((el.getAttribute('aria-invalid') === 'true') !== invalid) {
          if (invalid) {
            el.setAttribute('aria-invalid', 'true');
          } else {
            el.removeAttribute('aria-invalid');
          }
        }
      });
    });
    // required-if markers and repeat buttons
    this.updateMarkers(this.top);
    var summaryBox = this.element.querySelector('.rf-summary');
    var shown = this.submitted && this.blocking(issues) ? summary.map(function (i) { return i.message; }) : null;
    var signature = shown === null ? '' : JSON.stringify(shown);
    if (summaryBox.getAttribute('data-shown') !== signature) {
      summaryBox.setAttribute('data-shown', signature);
      summaryBox.hidden = shown === null;
      summaryBox.textContent = shown === null ? '' : this.model.ui.errors;
      (shown || []).forEach(function (message) {
        var p = document.createElement('p');
        p.textContent = message;
        summaryBox.appendChild(p);
      });
    }
  };

  var partsOf = new WeakMap();

  /**
   * The parts of an item's element that refresh writes, found once: its own message box, its own
   * inputs (not those of a repeat group's rows), its required-if marker and its add-row button.
   */
  function parts(node) {
    var found = partsOf.get(node);
    if (found === undefined) {
      found = {
        box: node.querySelector(':scope > .rf-msg'),
        inputs: inputs(node).filter(function (el) { return el.closest('[data-var]') === node; }),
        marker: node.querySelector('.rf-req'),
        add: node.querySelector(':scope > .rf-add')
      };
      partsOf.set(node, found);
    }
    return found;
  }

  /**
   * Sets a property of an element only when it changes: a write of the same value still costs the
   * browser a style and layout pass on the next frame, and refresh runs on every key press.
   */
  function assign(element, property, value) {
    if (element[property] !== value) {
      element[property] = value;
    }
  }

  Form.prototype.updateMarkers = function (scope) {
    var self = this;
    Object.keys(scope.def.variables).forEach(function (id) {
      var def = scope.def.variables[id];
      var node = scope.nodes[id];
      if (def.requiredIf !== undefined && node) {
        var marker = parts(node).marker;
        if (marker) {
          assign(marker, 'hidden', !(scope.visible[id] === true && scope.run(def.requiredIf) === true));
        }
      }
    });
    Object.keys(scope.def.repeats).forEach(function (id) {
      var rep = scope.def.repeats[id];
      var node = scope.nodes[id];
      var rows = scope.rows[id] || [];
      if (node) {
        var add = parts(node).add;
        if (add) {
          assign(add, 'disabled', rep.max !== undefined && rows.length >= rep.max);
        }
      }
      rows.forEach(function (row, i) {
        assign(row.title, 'textContent', self.model.ui.row + ' ' + (i + 1));
        assign(row.removeButton, 'disabled', rows.length <= rep.min);
        self.updateMarkers(row);
      });
    });
  };

  Form.prototype.blocking = function (issues) {
    var self = this;
    return issues.some(function (i) {
      return i.severity === 'error' || (needsConfirmation(i) && self.confirmed[i.path] !== true);
    });
  };

  /** A warning the user confirms with a check box: an implausible value, or a rule with "confirm". */
  function needsConfirmation(issue) {
    return issue.severity === 'warning' && (issue.code === 'implausible' || issue.confirm === true);
  }

  /** Computed values by record path, as canonical text (numbers plain, dates ISO). */
  function collectComputed(scope, out) {
    Object.keys(scope.def.variables).forEach(function (id) {
      var def = scope.def.variables[id];
      if (def.compute !== undefined && scope.visible[id] === true && Object.prototype.hasOwnProperty.call(scope.values, id)) {
        var v = scope.values[id];
        out[scope.member(id)] = v instanceof R.Dec ? R.decText(v) : def.type === 'boolean' ? String(v) : display(scope.form, def, v);
      }
    });
    Object.keys(scope.rows).forEach(function (id) {
      (scope.rows[id] || []).forEach(function (row) { collectComputed(row, out); });
    });
    return out;
  }

  // ---- the record ----------------------------------------------------------------------------

  function scopeValues(scope) {
    var values = {};
    Object.keys(scope.def.items).forEach(function (id) {
      var item = scope.def.items[id];
      if (scope.visible[id] !== true) {
        return;
      }
      if (item.kind === 'variable' && scope.def.variables[id].compute === undefined) {
        var raw = scope.raw[id];
        if (raw !== null && raw !== undefined) {
          values[id] = raw.missing !== undefined ? { missing: raw.missing } : raw.json;
        }
      } else if (item.kind === 'repeat') {
        values[id] = (scope.rows[id] || []).map(scopeValues);
      }
    });
    return values;
  }

  /** JSON text in which numbers keep their exact decimal digits. */
  function toJson(value) {
    if (value === null) {
      return 'null';
    }
    if (Array.isArray(value)) {
      return '[' + value.map(toJson).join(',') + ']';
    }
    if (typeof value === 'object') {
      if (Object.keys(value).length === 1 && typeof value.number === 'string') {
        return value.number;
      }
      return '{' + Object.keys(value).map(function (k) {
        return JSON.stringify(k) + ':' + toJson(value[k]);
      }).join(',') + '}';
    }
    return JSON.stringify(value);
  }

  Form.prototype.recordJson = function () {
    return toJson({
      registry: this.model.registry,
      form: this.model.form,
      version: this.model.version,
      values: scopeValues(this.top)
    });
  };

  Form.prototype.submit = function () {
    this.submitted = true;
    this.serverIssues = [];
    this.refresh();
    var issues = this.issues();
    var status = this.element.querySelector('.rf-status');
    if (this.blocking(issues)) {
      status.textContent = '';
      var first = this.element.querySelector('[aria-invalid=true], .rf-confirm:not(:checked)');
      if (first) {
        first.focus();
      }
      return false;
    }
    var json = this.recordJson();
    var record = JSON.parse(json);
    this.element.dispatchEvent(new CustomEvent('regforms:submit', { bubbles: true, detail: { record: record, json: json } }));
    var output = this.element.querySelector('.rf-output');
    output.hidden = false;
    output.querySelector('.rf-record').textContent = JSON.stringify(record, null, 2);
    status.textContent = this.model.ui.ready;
    if (this.model.submitUrl) {
      var self = this;
      var ui = this.model.ui;
      fetch(this.model.submitUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json })
        .then(function (response) {
          var type = response.headers.get('Content-Type') || '';
          var answer = type.indexOf('application/json') === 0 ? response.json() : Promise.resolve(null);
          return answer.then(function (body) {
            var issues = body && Array.isArray(body.issues) ? body.issues : [];
            status.textContent = response.ok ? ui.sent : response.status === 400 && issues.length > 0 ? ui.rejected : ui.failed;
            self.serverIssues = issues;
            self.refresh();
          });
        })
        .catch(function () { status.textContent = ui.failed; });
    }
    return true;
  };

  // ---- start ---------------------------------------------------------------------------------

  function boot(script, fns) {
    var element = script.closest('form');
    var model = JSON.parse(element.querySelector('script.rf-model').textContent);
    var form = new Form(element, model, fns);
    element.addEventListener('input', function (e) { form.onInput(e, false); });
    element.addEventListener('change', function (e) { form.onInput(e, true); });
    element.addEventListener('focusout', function (e) {
      var at = form.locate(e.target);
      if (at !== null && !e.target.classList.contains('rf-confirm')) {
        form.touched[at.scope.member(at.id)] = true;
        // Leaving a field for a button: showing its message now would move the button away
        // between press and release, and the click would be lost; the button's action refreshes.
        if (!(e.relatedTarget && e.relatedTarget.tagName === 'BUTTON')) {
          form.refresh();
        }
      }
    });
    element.addEventListener('click', function (e) {
      var add = e.target.closest('.rf-add');
      if (add) {
        var node = add.closest('.rf-repeat');
        var rowElement = node.parentElement.closest('.rf-row');
        var scope = rowElement === null ? form.top : form.findRow(form.top, rowElement);
        form.addRow(scope, node.getAttribute('data-item'));
      }
    });
    element.addEventListener('submit', function (e) {
      e.preventDefault();
      form.submit();
    });
    form.readRecordDate();
    form.top.walk();
    form.refresh();
    var api = {
      record: function () { return JSON.parse(form.recordJson()); },
      recordJson: function () { return form.recordJson(); },
      issues: function () { return form.issues(); },
      computed: function () { return collectComputed(form.top, {}); },
      evaluated: function () { return form.evaluated.slice(); },
      shownIssues: function () { return form.shownIssues(); },
      submit: function () { return form.submit(); },
      setLinked: function (link, values) { form.setLinked(link, values); },
      today: function () { return R.dateText(form.today); }
    };
    forms[model.form] = api;
    window.regforms = api;
    return api;
  }

  return { boot: boot, forms: forms };
})();
