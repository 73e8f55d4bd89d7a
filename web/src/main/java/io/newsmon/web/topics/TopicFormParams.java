package io.newsmon.web.topics;

import jakarta.ws.rs.FormParam;

/** The topic form's fields as posted; {@code action} is "preview" or "save". */
public class TopicFormParams {

    @FormParam("action")
    public String action;

    @FormParam("name")
    public String name;

    @FormParam("query")
    public String query;

    @FormParam("filter")
    public String filter;

    @FormParam("alertMode")
    public String alertMode;

    @FormParam("digestTime")
    public String digestTime;

    @FormParam("digestWeekday")
    public String digestWeekday;

    @FormParam("timeZone")
    public String timeZone;

    @FormParam("recipients")
    public String recipients;

    @FormParam("stem")
    public String stem;

    boolean preview() {
        return "preview".equals(action);
    }

    TopicForm form(Long id) {
        return TopicForm.typed(
                id, name, query, filter, alertMode, digestTime, digestWeekday, timeZone, recipients, stem != null);
    }
}
