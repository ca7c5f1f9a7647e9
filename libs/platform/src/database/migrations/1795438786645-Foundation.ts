import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795438786645 implements MigrationInterface {
  name = 'Foundation1795438786645';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"benchmark_status\" AS ENUM('DRAFT', 'PUBLISHED')");
    await queryRunner.query("CREATE TABLE \"benchmark\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" character varying NOT NULL, \"version\" integer NOT NULL, \"title\" character varying NOT NULL, \"standard\" text NOT NULL, \"source_title\" character varying NOT NULL, \"source_organisation\" character varying NOT NULL, \"source_year\" integer, \"attribution\" text NOT NULL, \"rating_scale\" jsonb NOT NULL, \"rating_scale_editorial\" boolean NOT NULL DEFAULT false, \"status\" \"public\".\"benchmark_status\" NOT NULL DEFAULT 'DRAFT', \"published_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_8cf01b709151d95a206b197041f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c8c96d80a85ed5225e7c658113\" ON \"benchmark\" (\"code\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"context_factor\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"benchmark_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"code\" character varying NOT NULL, \"name\" character varying NOT NULL, \"description\" text NOT NULL, CONSTRAINT \"PK_72b320fdfe6c5a1ad35517fd448\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_24ce9ab983ab512b221574ddbd\" ON \"context_factor\" (\"benchmark_id\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"key_factor\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"benchmark_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"code\" character varying NOT NULL, \"heading\" character varying NOT NULL, \"heading_editorial\" boolean NOT NULL DEFAULT false, \"statement\" text NOT NULL, \"rationale\" text NOT NULL, CONSTRAINT \"PK_38c7dd01412cb7604cb294f4730\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ed3ef3f3387f45e428b86f96e7\" ON \"key_factor\" (\"benchmark_id\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"guide_question\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"key_factor_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"text\" text NOT NULL, CONSTRAINT \"PK_1c010a68a8ee6e1604f8652ea16\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_7ce031931aad696b06a2152bb1\" ON \"guide_question\" (\"key_factor_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"key_factor_example\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"key_factor_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"city\" character varying NOT NULL, \"text\" text NOT NULL, CONSTRAINT \"PK_0af8c57538033a50ef5990b966c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_6850fa655fea060a30487f8811\" ON \"key_factor_example\" (\"key_factor_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"field_of_action\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" character varying NOT NULL, \"title\" character varying NOT NULL, \"description\" text, \"position\" integer NOT NULL, \"parent_id\" uuid, CONSTRAINT \"UQ_5ee840e294766c448685bdf1104\" UNIQUE (\"code\"), CONSTRAINT \"PK_e0730bb45bc6c79198c62c0d0e0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"auth_token_purpose\" AS ENUM('PASSWORD_RESET', 'INVITATION')");
    await queryRunner.query("CREATE TABLE \"auth_token\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"purpose\" \"public\".\"auth_token_purpose\" NOT NULL, \"token_hash\" character varying NOT NULL, \"email\" character varying NOT NULL, \"person_id\" uuid, \"payload\" jsonb NOT NULL DEFAULT '{}', \"created_by_id\" uuid, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_4572ff5d1264c4a523f01aa86a0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_bf636362c6d210728e4539630b\" ON \"auth_token\" (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"city\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying NOT NULL, \"country\" character varying(2) NOT NULL, \"population\" integer, \"time_zone\" character varying NOT NULL, \"eurocities_charter_signatory\" boolean NOT NULL DEFAULT false, \"icc_member_since\" integer, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b222f51ce26f7e5ca86944a6739\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"organisation_kind\" AS ENUM('CITY_ADMINISTRATION', 'MIGRANT_ORGANISATION', 'NGO', 'NATIONAL_GOVERNMENT', 'NETWORK_SECRETARIAT', 'BUSINESS', 'TRADE_UNION', 'MEDIA', 'FAITH', 'ACADEMIA')");
    await queryRunner.query("CREATE TABLE \"organisation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying NOT NULL, \"kind\" \"public\".\"organisation_kind\" NOT NULL, \"city_id\" uuid, \"country\" character varying(2), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c725ae234ef1b74cce43d2d00c1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"stakeholder_category\" AS ENUM('POLITICIAN', 'CITY_OFFICIAL', 'NATIONAL_GOVERNMENT', 'MIGRANT_ORGANISATION', 'CIVIL_SOCIETY', 'TRADE_UNION', 'BUSINESS', 'MEDIA', 'FAITH_LEADER', 'ACADEMIA', 'SERVICE_PROVIDER', 'RESIDENT', 'OTHER')");
    await queryRunner.query("CREATE TABLE \"stakeholder\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text, \"position\" text, \"organisation_id\" uuid, \"city_id\" uuid NOT NULL, \"category\" \"public\".\"stakeholder_category\" NOT NULL, \"consent_to_be_named\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_789fe9f27e810783e0adbc0bf71\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"person\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying NOT NULL, \"full_name\" character varying NOT NULL, \"organisation_id\" uuid, \"locale\" character varying NOT NULL DEFAULT 'en', \"time_zone\" character varying NOT NULL DEFAULT 'Europe/Brussels', \"password_hash\" text, \"is_admin\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5fdaf670315c4b7e70cce85daa3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d2d717efd90709ebd3cb26b936\" ON \"person\" (\"email\") ");
    await queryRunner.query("ALTER TABLE \"context_factor\" ADD CONSTRAINT \"FK_8f20ea97712d1caec9799e2c3da\" FOREIGN KEY (\"benchmark_id\") REFERENCES \"benchmark\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"key_factor\" ADD CONSTRAINT \"FK_addad8504125d9441375b920185\" FOREIGN KEY (\"benchmark_id\") REFERENCES \"benchmark\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"guide_question\" ADD CONSTRAINT \"FK_651e781109db0c3d4facba53d32\" FOREIGN KEY (\"key_factor_id\") REFERENCES \"key_factor\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"key_factor_example\" ADD CONSTRAINT \"FK_8247ded5ab86e8ae4a48e587ddd\" FOREIGN KEY (\"key_factor_id\") REFERENCES \"key_factor\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"field_of_action\" ADD CONSTRAINT \"FK_ba8f211bb285a5f758d7710b994\" FOREIGN KEY (\"parent_id\") REFERENCES \"field_of_action\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organisation\" ADD CONSTRAINT \"FK_554a2fe10c0693355c4b2c19cf8\" FOREIGN KEY (\"city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"stakeholder\" ADD CONSTRAINT \"FK_f48029ee200c3dda4defa84d06d\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"stakeholder\" ADD CONSTRAINT \"FK_bb040e209b8ecc9155db2422d29\" FOREIGN KEY (\"city_id\") REFERENCES \"city\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"person\" ADD CONSTRAINT \"FK_53e60754c1edacbd248622810d8\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"person\" DROP CONSTRAINT \"FK_53e60754c1edacbd248622810d8\"");
    await queryRunner.query("ALTER TABLE \"stakeholder\" DROP CONSTRAINT \"FK_bb040e209b8ecc9155db2422d29\"");
    await queryRunner.query("ALTER TABLE \"stakeholder\" DROP CONSTRAINT \"FK_f48029ee200c3dda4defa84d06d\"");
    await queryRunner.query("ALTER TABLE \"organisation\" DROP CONSTRAINT \"FK_554a2fe10c0693355c4b2c19cf8\"");
    await queryRunner.query("ALTER TABLE \"field_of_action\" DROP CONSTRAINT \"FK_ba8f211bb285a5f758d7710b994\"");
    await queryRunner.query("ALTER TABLE \"key_factor_example\" DROP CONSTRAINT \"FK_8247ded5ab86e8ae4a48e587ddd\"");
    await queryRunner.query("ALTER TABLE \"guide_question\" DROP CONSTRAINT \"FK_651e781109db0c3d4facba53d32\"");
    await queryRunner.query("ALTER TABLE \"key_factor\" DROP CONSTRAINT \"FK_addad8504125d9441375b920185\"");
    await queryRunner.query("ALTER TABLE \"context_factor\" DROP CONSTRAINT \"FK_8f20ea97712d1caec9799e2c3da\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_d2d717efd90709ebd3cb26b936\"");
    await queryRunner.query("DROP TABLE \"person\"");
    await queryRunner.query("DROP TABLE \"stakeholder\"");
    await queryRunner.query("DROP TYPE \"public\".\"stakeholder_category\"");
    await queryRunner.query("DROP TABLE \"organisation\"");
    await queryRunner.query("DROP TYPE \"public\".\"organisation_kind\"");
    await queryRunner.query("DROP TABLE \"city\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_bf636362c6d210728e4539630b\"");
    await queryRunner.query("DROP TABLE \"auth_token\"");
    await queryRunner.query("DROP TYPE \"public\".\"auth_token_purpose\"");
    await queryRunner.query("DROP TABLE \"field_of_action\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6850fa655fea060a30487f8811\"");
    await queryRunner.query("DROP TABLE \"key_factor_example\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7ce031931aad696b06a2152bb1\"");
    await queryRunner.query("DROP TABLE \"guide_question\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ed3ef3f3387f45e428b86f96e7\"");
    await queryRunner.query("DROP TABLE \"key_factor\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_24ce9ab983ab512b221574ddbd\"");
    await queryRunner.query("DROP TABLE \"context_factor\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c8c96d80a85ed5225e7c658113\"");
    await queryRunner.query("DROP TABLE \"benchmark\"");
    await queryRunner.query("DROP TYPE \"public\".\"benchmark_status\"");
  }
}
