package dev.snipcheck.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.PullResponseItem;
import org.junit.jupiter.api.Test;

/**
 * The progress line of a pull, fed the engine's own messages (as JSON, the way docker-java reads them): no registry
 * is reachable where the tests run, so no real pull can show it.
 */
class ImagePullTest {

    private final ImagePull pull = new ImagePull("postgres:17");

    @Test
    void theLineCountsLayersAndMegabytesAsTheEngineReportsThem() throws Exception {
        engineSays("{\"id\":\"17\",\"status\":\"Pulling from library/postgres\"}");
        engineSays("{\"id\":\"a1\",\"status\":\"Pulling fs layer\"}");
        engineSays("{\"id\":\"b2\",\"status\":\"Already exists\"}");
        engineSays("{\"id\":\"a1\",\"status\":\"Downloading\",\"progressDetail\":{\"current\":3145728,\"total\":10485760}}");
        engineSays("{\"id\":\"c3\",\"status\":\"Downloading\",\"progressDetail\":{\"current\":1048576,\"total\":2097152}}");
        engineSays("{\"id\":\"c3\",\"status\":\"Pull complete\"}");

        // "17" is the tag's line, not a layer; b2 was there already and weighs nothing in bytes
        assertEquals("pulling image postgres:17: 2 of 3 layers, 5 of 12 MB", pull.progress());
    }

    private void engineSays(String json) throws Exception {
        pull.onNext(new ObjectMapper().readValue(json, PullResponseItem.class));
    }
}
