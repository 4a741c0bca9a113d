package dev.snipcheck.java;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Generated units as javac sources, and the way back from a source's URI to its unit. */
record UnitSources(List<StringSource> files, Map<URI, PageGenerator.Unit> unitOf) {

    static UnitSources of(List<PageGenerator.Unit> units) {
        List<StringSource> files = new ArrayList<>();
        Map<URI, PageGenerator.Unit> unitOf = new HashMap<>();
        for (PageGenerator.Unit unit : units) {
            StringSource source = unit.toSource();
            files.add(source);
            unitOf.put(source.toUri(), unit);
        }
        return new UnitSources(files, unitOf);
    }
}
