/*
 * Cyrillic to Latin for file names, by ICAO Doc 9303 (the table of Russian international
 * passports since 2014): plain ASCII letters only, so the result is safe in any file system
 * and mail program ("Ульяновск" -> "Ulianovsk"). GOST 7.79-2000 system B was not chosen: it
 * writes apostrophes and backticks (Ul`yanovsk), which file names should not carry.
 */

/** Lower-case Cyrillic letter -> its ICAO 9303 Latin letters (Russian, Ukrainian, Belarusian). */
const ICAO_9303 = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "ie", ы: "y", ь: "", э: "e", ю: "iu",
  я: "ia", і: "i", ї: "i", є: "ie", ґ: "g", ў: "u",
};

function isUpper(letter) {
  return letter !== undefined && letter !== letter.toLowerCase();
}

/**
 * Cyrillic letters in `text` written in Latin letters; everything else is kept as it is.
 * An upper-case letter gives "Zh" before a lower-case letter and "ZH" in an upper-case word.
 */
export function transliterate(text) {
  const letters = Array.from(String(text));
  return letters
    .map((letter, index) => {
      const lower = letter.toLowerCase();
      const latin = ICAO_9303[lower];
      if (latin === undefined) return letter;
      if (!isUpper(letter) || latin === "") return latin;
      const neighbours = [letters[index - 1], letters[index + 1]].filter((other) =>
        /\p{L}/u.test(other || ""),
      );
      const shouting = neighbours.length > 0 && neighbours.every(isUpper);
      return shouting ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join("");
}

/**
 * A piece of a file name from any text: Latin letters and digits, words joined by "-", accents
 * dropped, at most `limit` characters (cut between words). "" when nothing usable is left.
 */
export function fileNamePart(text, limit = 60) {
  const ascii = transliterate(text)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= limit) return ascii;
  const cut = ascii.slice(0, limit + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 0 ? cut.slice(0, lastDash) : ascii.slice(0, limit)).replace(/-+$/, "");
}
