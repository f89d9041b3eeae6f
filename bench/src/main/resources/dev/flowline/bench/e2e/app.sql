create table if not exists customers (id varchar(32) primary key, blocked boolean not null, vip boolean not null, points bigint not null);
create table if not exists orders (id varchar(32) primary key, customer_id varchar(32) not null, status varchar(16) not null, total bigint not null);
