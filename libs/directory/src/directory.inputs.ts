import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { LANGUAGES, PageArgs, Problem } from '@peervisit/platform';
import { OrganisationKind } from './organisation/organisation.entity';
import { StakeholderCategory } from './stakeholder/stakeholder.entity';

@InputType()
export class CityInput {
  @Field() name: string;
  @Field({ description: 'ISO 3166-1 alpha-2, e.g. NO.' }) country: string;
  @Field(() => Int, { nullable: true }) population?: number;
  @Field(() => Float, { nullable: true, description: 'Share of residents born abroad, in per cent (0 to 100).' })
  foreignBornShare?: number | null;
  @Field({ description: 'IANA time zone, e.g. Europe/Oslo.' }) timeZone: string;
  @Field({ nullable: true }) eurocitiesCharterSignatory?: boolean;
  @Field(() => Int, { nullable: true }) iccMemberSince?: number;
}

@InputType()
export class OrganisationInput {
  @Field() name: string;
  @Field(() => OrganisationKind) kind: OrganisationKind;
  @Field(() => ID, { nullable: true }) cityId?: string;
  @Field({ nullable: true }) country?: string;
}

@InputType()
export class PersonInput {
  @Field() email: string;
  @Field() fullName: string;
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field({ nullable: true, description: 'BCP 47 tag of a shipped language (en, fr, de), e.g. fr or de-AT.' }) locale?: string;
  @Field({ nullable: true }) timeZone?: string;
  @Field({ nullable: true }) isAdmin?: boolean;
  @Field({ nullable: true, description: 'Set an initial password; without one the person is sent a link to choose it.' })
  password?: string;
}

@InputType()
export class StakeholderInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) position?: string;
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field(() => ID) cityId: string;
  @Field(() => StakeholderCategory) category: StakeholderCategory;
  @Field({ nullable: true, defaultValue: false }) consentToBeNamed?: boolean;
}

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name (case-insensitive).' })
  search?: string;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name or of the email (case-insensitive).' })
  search?: string;
}

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

/** Checks shared by the directory's inputs; each returns a Problem naming the field and what it expects. */
export const check = {
  text(problems: Problem[], path: string, value: string | undefined | null, max = 300) {
    if (value === undefined || value === null) return;
    if (!value.trim()) problems.push({ path, message: 'must not be empty' });
    else if (value.length > max) problems.push({ path, message: `must be at most ${max} characters` });
  },
  country(problems: Problem[], path: string, value: string | undefined | null) {
    if (value && !/^[A-Z]{2}$/.test(value)) problems.push({ path, message: 'expected a two-letter ISO country code in capitals, e.g. NO' });
  },
  timeZone(problems: Problem[], path: string, value: string | undefined | null) {
    if (value && !TIME_ZONES.has(value)) problems.push({ path, message: `"${value}" is not an IANA time zone; expected e.g. Europe/Oslo` });
  },
  /**
   * A person's language: a BCP 47 tag of a language PeerVisit ships (en, fr, de; a regional form such
   * as fr-CH too), in its canonical form, or a problem. A tag of another language is refused: the
   * person would get English while their settings said otherwise.
   */
  locale(problems: Problem[], path: string, value: string | undefined | null): string | undefined {
    if (value === undefined || value === null) return undefined;
    let canonical: string | undefined;
    try {
      [canonical] = Intl.getCanonicalLocales(value.trim());
    } catch {
      // RangeError: not a well-formed tag.
    }
    const shipped = `${LANGUAGES.join(', ')} (or a regional form such as fr-CH)`;
    if (!canonical || value.length > 35)
      problems.push({ path, message: `"${value}" is not a BCP 47 language tag; expected one of ${shipped}` });
    else if (!(LANGUAGES as readonly string[]).includes(canonical.split('-')[0].toLowerCase()))
      problems.push({ path, message: `PeerVisit is not available in "${value}"; choose one of ${shipped}` });
    else return canonical;
    return undefined;
  },
  email(problems: Problem[], path: string, value: string | undefined | null) {
    if (value !== undefined && value !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
      problems.push({ path, message: 'expected an email address like name@example.org' });
  },
  nonNegative(problems: Problem[], path: string, value: number | undefined | null) {
    if (value !== undefined && value !== null && value < 0) problems.push({ path, message: 'must not be negative' });
  },
};

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
