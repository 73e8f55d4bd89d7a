package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.SearchResult;
import java.util.List;

/** Search hits as CSV: one row a hit, RFC 4180 quoting, cells that a spreadsheet would run as formulas defused. */
final class Exports {

    private Exports() {}

    static String csv(List<SearchResult.SearchHit> hits) {
        StringBuilder out = new StringBuilder("id,published,source,language,title,url,score\r\n");
        for (SearchResult.SearchHit h : hits) {
            out.append(h.id())
                    .append(',')
                    .append(cell(h.published() == null ? "" : h.published().toString()))
                    .append(',')
                    .append(cell(h.source()))
                    .append(',')
                    .append(cell(h.language()))
                    .append(',')
                    .append(cell(h.title()))
                    .append(',')
                    .append(cell(h.url()))
                    .append(',')
                    .append(h.score())
                    .append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
