namespace TopoPool.Depiction.Reports;

/// <summary>
/// The page's own script (no library): a click on a column's header button sorts the rows by that column, ascending
/// then descending on a second click (numbers as numbers; a column marked <c>auto</c> sorts as numbers when all its
/// non-empty cells are numbers; empty cells last; ties in input order); the filter box shows only the rows whose text
/// holds every word typed, and says how many are shown.
/// </summary>
internal static class ExplanationReportScript
{
    public const string Text = """
        (function () {
          'use strict';
          var table = document.getElementById('explanations');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
          var filter = document.getElementById('filter');
          var shown = document.getElementById('shown');
          var current = { column: -1, ascending: true };

          function valueOf(row, column) {
            var cell = row.cells[column];
            return (cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent).trim();
          }

          function sortsAsNumbers(column) {
            var kind = headers[column].getAttribute('data-sort');
            if (kind !== 'auto') return kind === 'number';
            return rows.some(function (row) { return valueOf(row, column) !== ''; }) &&
              rows.every(function (row) { var v = valueOf(row, column); return v === '' || isFinite(Number(v)); });
          }

          function sortBy(column) {
            var ascending = current.column === column ? !current.ascending : true;
            current = { column: column, ascending: ascending };
            var numbers = sortsAsNumbers(column);
            var sorted = rows.slice().sort(function (a, b) {
              var x = valueOf(a, column), y = valueOf(b, column);
              if (x === '' || y === '') {
                if (x !== y) return x === '' ? 1 : -1;
              } else {
                var order = numbers ? Number(x) - Number(y) : x.localeCompare(y);
                if (order !== 0) return ascending ? order : -order;
              }
              return Number(a.getAttribute('data-position')) - Number(b.getAttribute('data-position'));
            });
            sorted.forEach(function (row) { body.appendChild(row); });
            headers.forEach(function (header, i) {
              if (i === column) header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
              else header.removeAttribute('aria-sort');
            });
          }

          function applyFilter() {
            var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
            var count = 0;
            rows.forEach(function (row) {
              var text = row.getAttribute('data-search');
              var match = words.every(function (w) { return text.indexOf(w) !== -1; });
              row.hidden = !match;
              if (match) count++;
            });
            shown.textContent = count + ' of ' + rows.length + ' shown';
          }

          headers.forEach(function (header, i) {
            var button = header.querySelector('button.sort');
            if (button) button.addEventListener('click', function () { sortBy(i); });
          });
          filter.addEventListener('input', applyFilter);
          applyFilter();
        }());

        """;
}
