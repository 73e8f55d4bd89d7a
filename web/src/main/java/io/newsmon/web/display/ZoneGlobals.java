package io.newsmon.web.display;

import io.quarkus.qute.TemplateGlobal;

/** The zone every page's footer names ("Times in Europe/Berlin (your browser's zone) · change"). */
@TemplateGlobal
public class ZoneGlobals {

    private ZoneGlobals() {}

    static String displayZone() {
        return DisplayZone.current().id();
    }

    static String displayZoneSource() {
        return DisplayZone.current().source().label();
    }
}
