package dev.footnote.llm;

/**
 * A provider-neutral token estimate for the context budget: one token per four characters,
 * rounded up. For English prose that is close to what OpenAI's, Anthropic's and Llama's
 * tokenizers count (they average 3.5 to 4.5 characters a token), and it needs no tokenizer
 * download or model-specific vocabulary. The budget is a ceiling on what is sent, so a rough
 * count is enough: leave the model's real context some headroom.
 */
final class TokenCount {

    private TokenCount() {
    }

    static final int CHARS_PER_TOKEN = 4;

    static int estimate(String text) {
        return text == null ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
