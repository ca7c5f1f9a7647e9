/**
 * EDITORIAL: English words that are also given names or surnames ("Hope", "Will", "Said", "Young").
 * A name part on this list is ambiguous: alone it is withheld only where it cannot be the ordinary
 * word (capitalised, not at the start of a sentence); in lower case it is taken to be the word.
 * Any other name part is withheld in every case. The list is ours (no package gives one), so it
 * errs towards withholding: a word missing here is withheld in lower case too, which over-redacts
 * ("a cooper") rather than leaks. Lower case, diacritics removed.
 */
export const ORDINARY_WORDS: ReadonlySet<string> = new Set(
  `
  a an and are as at be by can do for go ha he hi ho if in is it la le lo ma me mo my no of oh on or pa so to up us we ye yo
  ace all amen angel april art ash august autumn baker ban bank banks baron bass bay beach bear bell best bill birch bird
  bishop black bliss bloom blossom blue bob bond booth born bower bridge bright brook brooks brown buck bud bush butler
  cash chance chapel charity chase cherry chin chip christian christmas chuck church clay cliff coffee cole constant cook
  cooper cotton count crane cross crow crystal dale dane darling dash dawn day dean dear destiny dew doe dong dot dove
  drake drew duke dusty dyer earl early earnest east easter eden ever eve fair faith fell field fields finch fisher ford
  forest fortune fox frank free french friday friend frost gage gale gay gem gene gentle german gill glen glory gold golden
  good grace grant gray green grey grove guy hale hall hand happy hardy harmony hart haven hawk hay hazel head heath heather
  herald high hill hills holly honey honor honour hope house hunt hunter iris irish ivy jack jade january jay jewel joy judge
  july june just justice keen kind king kit knight lamb lance land lane law lee liberty light lily ling little lock long low
  lord love lovely lucky leader major mark member marsh marshal mason may mayor meadow melody mercy merry miles mill miller mills min
  minor monday moody moon moss nick noble north oak ocean olive one page park parker pat patience peace pearl peer penny pepper
  person pierce pike pine piper pope porter potter power precious price pride prince prudence queen rain ray read reed
  rich river rivers robin rock rocky rod rose rowan ruby rush rusty sage said saint salmon sandy saturday savage scott
  september serenity shade sharp shaw shepherd shore short silver singer sky small smart smith snow song south sparrow
  spring star sterling stone storm strong stuart summer sun sunday sunny sweet swan tan taylor temple thursday tiger
  trinity true trust tuesday turner unity victor victory violet wade walker ward warren water waters weaver wednesday
  welsh west white will win wing winter wise wolf wood woods worth wren young
  `
    .split(/\s+/)
    .filter(Boolean),
);
