package dev.snipcheck.worker;

import io.netty.buffer.ByteBuf;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.postgresql.message.Format;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * A value exactly as the server wrote it in text format, which is what psql prints. Its codec
 * decodes any column when asked for this type only, so snippets reading rows see the driver's usual
 * codecs unchanged.
 */
public record ServerText(String text) {

    /** Adds the codec to every connection of a factory: the sql session's. */
    public static final CodecRegistrar REGISTRAR = (connection, allocator, registry) -> {
        registry.addFirst(new TextCodec());
        return Mono.empty();
    };

    private static final class TextCodec implements Codec<ServerText> {

        @Override
        public boolean canDecode(int dataType, Format format, Class<?> type) {
            return type == ServerText.class && format == Format.FORMAT_TEXT;
        }

        @Override
        public ServerText decode(ByteBuf buffer, int dataType, Format format, Class<? extends ServerText> type) {
            return buffer == null ? null : new ServerText(buffer.toString(StandardCharsets.UTF_8));
        }

        @Override
        public boolean canEncode(Object value) {
            return false;
        }

        @Override
        public boolean canEncodeNull(Class<?> type) {
            return false;
        }

        @Override
        public EncodedParameter encode(Object value) {
            throw new UnsupportedOperationException("ServerText is only read");
        }

        @Override
        public EncodedParameter encode(Object value, int dataType) {
            throw new UnsupportedOperationException("ServerText is only read");
        }

        @Override
        public EncodedParameter encodeNull() {
            throw new UnsupportedOperationException("ServerText is only read");
        }
    }
}
